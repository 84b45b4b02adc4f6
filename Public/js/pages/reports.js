// 报表: pick a report, a period and a grouping; the table, its chart (SVG drawn by the
// server) and CSV/XLSX downloads.
window.pages = window.pages || {};

window.reportFormat = function (value, unit) {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'percent': return value.toFixed(1) + '%';
    case 'count': return Number.isInteger(value) ? String(value) : value.toFixed(1);
    case 'seconds': {
      const total = Math.round(value);
      const h = Math.floor(total / 3600), m = Math.floor(total / 60) % 60, s = total % 60;
      return h + ':' + String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0');
    }
    case 'yuan': return value.toFixed(2);
    default: return value.toFixed(1);
  }
};

window.localToday = function () {
  // The center's day (Asia/Shanghai), whatever the browser's zone.
  const shifted = new Date(Date.now() + 8 * 3600 * 1000);
  return shifted.toISOString().slice(0, 10);
};

window.pages.reports = async function (root) {
  const catalog = await api.get('/reports');
  const message = el('p', { class: 'error', id: 'report-message', role: 'alert' });
  const reportSelect = el('select', { id: 'report-name' },
    catalog.map((r) => el('option', { value: r.name }, r.title)));
  const today = localToday();
  const from = el('input', { id: 'report-from', type: 'date', value: today });
  const to = el('input', { id: 'report-to', type: 'date', value: today });
  const groupSelect = el('select', { id: 'report-group' });
  const downloads = el('span', { class: 'downloads' });
  const chartBox = el('div', { id: 'report-chart', class: 'chart' });
  const table = el('table', { id: 'report-table', class: 'report' });

  function fillGroups() {
    const entry = catalog.find((r) => r.name === reportSelect.value);
    groupSelect.replaceChildren(...entry.groups.map((g) =>
      el('option', { value: g, selected: g === entry.default_group }, t('reports.group.' + g))));
  }

  function query() {
    return 'from=' + encodeURIComponent(from.value) + '&to=' + encodeURIComponent(to.value) +
      '&group_by=' + encodeURIComponent(groupSelect.value);
  }

  async function show(event) {
    if (event) event.preventDefault();
    message.textContent = '';
    const name = reportSelect.value;
    const base = '/reports/' + encodeURIComponent(name);
    try {
      const report = await api.get(base + '?' + query());
      renderTable(report);
      downloads.replaceChildren(
        el('a', { id: 'report-csv', class: 'button', href: '/api/v1' + base + '?' + query() + '&format=csv' }, t('reports.csv')),
        el('a', { id: 'report-xlsx', class: 'button', href: '/api/v1' + base + '?' + query() + '&format=xlsx' }, t('reports.xlsx')));
      const response = await fetch('/api/v1' + base + '/chart.svg?' + query(), { credentials: 'same-origin' });
      const svg = new DOMParser().parseFromString(await response.text(), 'image/svg+xml').documentElement;
      chartBox.replaceChildren(document.importNode(svg, true));
    } catch (e) {
      message.textContent = t('common.error', { message: e.message });
    }
  }

  function renderTable(report) {
    const notes = report.rows.some((r) => r.notes && r.notes.category);
    const head = el('tr', {}, el('th', {}, report.group_title), notes ? el('th', {}, t('reports.category')) : null,
      report.columns.map((c) => el('th', { title: c.english_title, 'data-column': c.id }, c.title)));
    const line = (row, total) => el('tr', { class: total ? 'total' : null, 'data-key': row.key },
      el('td', {}, row.label), notes ? el('td', {}, (row.notes && row.notes.category) || '') : null,
      report.columns.map((c) => el('td', { class: 'num', 'data-column': c.id }, reportFormat(row.values[c.id], c.unit))));
    const rows = report.rows.map((r) => line(r, false));
    if (report.total) rows.push(line(report.total, true));
    if (report.rows.length === 0) rows.unshift(el('tr', {}, el('td', { colspan: report.columns.length + 1, class: 'muted' }, t('reports.empty'))));
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
  }

  reportSelect.addEventListener('change', () => { fillGroups(); show(); });
  const form = el('form', { class: 'inline-form', id: 'report-form' },
    el('label', {}, el('span', {}, t('reports.report')), reportSelect),
    el('label', {}, el('span', {}, t('reports.from')), from),
    el('label', {}, el('span', {}, t('reports.to')), to),
    el('label', {}, el('span', {}, t('reports.groupBy')), groupSelect),
    el('button', { type: 'submit', id: 'report-show' }, t('reports.show')),
    downloads);
  form.addEventListener('submit', show);
  fillGroups();
  root.append(
    el('div', { class: 'card' }, el('h2', {}, t('reports.title')), form, message),
    el('div', { class: 'card' }, chartBox),
    el('div', { class: 'card scroll' }, table));
  await show();
};
