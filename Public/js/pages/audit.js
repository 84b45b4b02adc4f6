// 审计日志: newest first, filter by action, page back with "more".
window.pages = window.pages || {};
window.pages.audit = async function (root) {
  const actions = vocabulary.values('audit_actions');
  const tableBody = el('tbody', { id: 'audit-table' });
  const filter = el('select', { id: 'audit-action' }, el('option', { value: '' }, t('audit.all')), actions.map((a) => el('option', { value: a }, t('audit.action.' + a))));
  const more = el('button', { type: 'button', class: 'secondary' }, t('audit.more'));
  let oldest = null;

  async function load(reset) {
    if (reset) { tableBody.replaceChildren(); oldest = null; }
    const params = new URLSearchParams({ limit: '100' });
    if (filter.value) params.set('action', filter.value);
    if (oldest) params.set('before', oldest);
    const entries = await api.get('/audit?' + params);
    for (const entry of entries) {
      tableBody.append(el('tr', {}, el('td', {}, new Date(entry.at).toLocaleString(i18n.language)), el('td', {}, entry.actor),
        el('td', { 'data-action': entry.action }, window.campaignKit.label('audit.action.' + entry.action, entry.action)), el('td', {}, entry.target), el('td', {}, entry.detail), el('td', {}, entry.address)));
      oldest = entry.id;
    }
    more.hidden = entries.length < 100;
  }

  filter.addEventListener('change', () => load(true));
  more.addEventListener('click', () => load(false));
  root.append(el('div', { class: 'card' }, el('h2', {}, t('audit.title')),
    el('div', { class: 'inline-form' }, el('label', {}, el('span', {}, t('audit.filter')), filter)),
    el('table', {}, el('thead', {}, el('tr', {}, ['audit.at', 'audit.actor', 'audit.action', 'audit.target', 'audit.detail', 'audit.address'].map((k) => el('th', {}, t(k))))), tableBody),
    more));
  await load(true);
};
