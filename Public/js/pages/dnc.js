// 禁呼名单: numbers the dialer never calls; add, remove, import.
window.pages = window.pages || {};
window.pages.dnc = async function (root) {
  const message = el('p', { class: 'error', id: 'dnc-message', role: 'alert' });
  const tableBody = el('tbody', { id: 'dnc-table' });
  const total = el('p', { class: 'muted' });

  async function act(promise, after) {
    message.textContent = '';
    try { const result = await promise; if (after) after(result); await load(); } catch (e) { message.textContent = t('common.error', { message: e.message }); }
  }

  async function load() {
    const page = await api.get('/dnc?limit=500');
    total.textContent = t('dnc.total', { count: page.total });
    tableBody.replaceChildren(...page.entries.map((entry) => {
      const remove = el('button', { type: 'button', class: 'link', 'data-remove': entry.phone_key }, t('dnc.remove'));
      remove.addEventListener('click', () => act(lists.remove('/dnc/' + encodeURIComponent(entry.phone_key))));
      return el('tr', {}, el('td', {}, entry.phone_key), el('td', {}, entry.until || t('dnc.forever')), el('td', {}, entry.reason),
        el('td', {}, entry.added_by), el('td', {}, remove));
    }));
  }

  const add = el('form', { class: 'inline-form', id: 'dnc-add' },
    el('label', {}, el('span', {}, t('dnc.number')), el('input', { id: 'dnc-number', required: true })),
    el('label', {}, el('span', {}, t('dnc.reason')), el('input', { id: 'dnc-reason', required: true, value: '客户拒绝' })),
    el('label', {}, el('span', {}, t('dnc.until')), el('input', { id: 'dnc-until', type: 'date' })),
    el('button', { type: 'submit' }, t('dnc.add')));
  add.addEventListener('submit', (event) => {
    event.preventDefault();
    const until = document.getElementById('dnc-until').value;
    const body = { number: document.getElementById('dnc-number').value, reason: document.getElementById('dnc-reason').value };
    if (until) body.until = until;
    act(api.post('/dnc', body), () => add.reset());
  });
  const importText = el('textarea', { id: 'dnc-import-text', rows: '4', placeholder: '13800138000\n021-62345678' });
  const importForm = el('form', { class: 'stack-form', id: 'dnc-import' }, importText, el('button', { type: 'submit' }, t('dnc.import')));
  importForm.addEventListener('submit', (event) => {
    event.preventDefault();
    act(lists.postText('/dnc/import?reason=' + encodeURIComponent('导入'), importText.value), (summary) => {
      importText.value = '';
      message.textContent = t('dnc.imported', { added: summary.added, updated: summary.updated, invalid: summary.invalid.length });
    });
  });
  root.append(el('div', { class: 'card' }, el('h2', {}, t('dnc.title')), el('p', { class: 'muted' }, t('dnc.help')), add, importForm, message),
    el('div', { class: 'card' }, total, el('table', {}, el('thead', {}, el('tr', {}, ['dnc.number', 'dnc.until', 'dnc.reason', 'dnc.addedBy', ''].map((k) => el('th', {}, k ? t(k) : '')))), tableBody)));
  await load();
};
