// 客户名单: search leads by phone, name or plate; view and edit one, with its history.
window.pages = window.pages || {};
window.pages.leads = async function (root) {
  const message = el('p', { class: 'error', id: 'leads-message', role: 'alert' });
  const tableBody = el('tbody', { id: 'leads-table' });
  const total = el('p', { class: 'muted', id: 'leads-total' });
  const detail = el('div', { id: 'lead-detail' });
  const editable = ['name', 'plate', 'car_model', 'vin', 'engine_number', 'renewal_date', 'status'];
  const statuses = ['new', 'contacted', 'success', 'refused', 'invalid', 'closed'];

  async function search(query) {
    message.textContent = '';
    try {
      const page = await api.get('/leads?limit=100&q=' + encodeURIComponent(query || ''));
      total.textContent = t('leads.total', { count: page.total });
      tableBody.replaceChildren(...page.leads.map((lead) => {
        const open = el('a', { href: '#leads', 'data-lead': lead.id }, t('leads.open'));
        open.addEventListener('click', (e) => { e.preventDefault(); show(lead.id); });
        return el('tr', {}, el('td', {}, lead.name || ''), el('td', {}, lead.phone_key), el('td', {}, lead.plate || ''),
          el('td', {}, lead.car_model || ''), el('td', {}, lead.renewal_date || ''), el('td', {}, lead.batch),
          el('td', {}, t('leads.status.' + lead.status)), el('td', {}, open));
      }));
    } catch (e) { message.textContent = t('common.error', { message: e.message }); }
  }

  async function show(id) {
    const [lead, history, calls] = await Promise.all([api.get('/leads/' + id), api.get('/leads/' + id + '/history'),
      api.get('/leads/' + id + '/calls').catch(() => null)]);
    const inputs = {};
    const rows = editable.map((key) => {
      const input = key === 'status'
        ? el('select', { id: 'lead-' + key }, statuses.map((s) => el('option', { value: s, selected: s === lead.status }, t('leads.status.' + s))))
        : el('input', { id: 'lead-' + key, value: lead[key] || '' });
      inputs[key] = input;
      return el('label', {}, el('span', {}, t('leads.field.' + key)), input);
    });
    const form = el('form', { class: 'stack-form', id: 'lead-form' },
      el('p', {}, el('strong', {}, lead.phone_key), lead.extension ? ' ' + t('leads.ext', { ext: lead.extension }) : '',
        ' · ', lead.batch, ' · ', lead.source),
      rows,
      lead.extras.length ? el('dl', { class: 'extras' }, lead.extras.flatMap((x) => [el('dt', {}, x.name), el('dd', {}, x.value)])) : null,
      el('button', { type: 'submit', id: 'lead-save' }, t('common.save')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const changes = {};
      for (const key of editable) changes[key] = inputs[key].value;
      try { await api.patch('/leads/' + id, changes); await show(id); } catch (e) { message.textContent = t('common.error', { message: e.message }); }
    });
    detail.replaceChildren(el('div', { class: 'card' }, el('h2', {}, lead.name || lead.phone_key), form,
      el('h3', {}, t('leads.history')),
      el('table', { id: 'lead-history' }, el('thead', {}, el('tr', {}, ['leads.at', 'leads.who', 'leads.what', 'leads.old', 'leads.new'].map((k) => el('th', {}, t(k))))),
        el('tbody', {}, history.map((h) => el('tr', {}, el('td', {}, new Date(h.at).toLocaleString()), el('td', {}, h.actor),
          el('td', {}, t('leads.field.' + h.field)), el('td', {}, h.old || ''), el('td', {}, h.new || ''))))),
      window.leadCalls(calls, message)));
  }

  const query = el('input', { id: 'leads-query', type: 'search', placeholder: t('leads.searchHint') });
  const form = el('form', { class: 'inline-form', id: 'leads-search' }, query, el('button', { type: 'submit' }, t('leads.search')));
  form.addEventListener('submit', (event) => { event.preventDefault(); search(query.value.trim()); });
  const card = el('div', { class: 'card' }, el('h2', {}, t('leads.title')), form, message, total,
    el('table', {}, el('thead', {}, el('tr', {}, ['leads.field.name', 'leads.field.phone', 'leads.field.plate', 'leads.field.car_model',
      'leads.field.renewal_date', 'leads.field.batch', 'leads.field.status', ''].map((k) => el('th', {}, k ? t(k) : '')))), tableBody));
  if (window.waihu.me && window.waihu.me.features.includes('lead_export')) {
    card.append(el('p', {}, el('a', { href: '/api/v1/leads/export?format=xlsx', id: 'leads-export-xlsx' }, t('leads.exportXlsx')), ' · ',
      el('a', { href: '/api/v1/leads/export?format=csv', id: 'leads-export-csv' }, t('leads.exportCsv'))));
  }
  root.append(card, detail);
  await search('');
  // #leads?lead=42 (the desk's 修改客户资料 link) opens that lead.
  const linked = new URLSearchParams(location.hash.split('?')[1] || '').get('lead');
  if (linked) await show(linked).catch((e) => { message.textContent = t('common.error', { message: e.message }); });
};
