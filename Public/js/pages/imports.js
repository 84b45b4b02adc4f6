// 名单导入: upload a list, follow the import's progress, see the summary, download the rejects.
window.pages = window.pages || {};
window.pages.imports = async function (root) {
  const message = el('p', { class: 'error', id: 'import-message', role: 'alert' });
  const progress = el('progress', { id: 'import-progress', max: '1', value: '0', hidden: true });
  const status = el('p', { id: 'import-status', class: 'muted' });
  const summary = el('div', { id: 'import-summary' });
  const field = (key, input) => el('label', {}, el('span', {}, t(key)), input);

  const form = el('form', { class: 'stack-form', id: 'import-form' },
    field('imports.file', el('input', { type: 'file', id: 'import-file', name: 'file', accept: '.xlsx,.csv,.txt', required: true })),
    field('imports.batch', el('input', { id: 'import-batch', name: 'batch', required: true })),
    field('imports.source', el('input', { id: 'import-source', name: 'source', required: true })),
    field('imports.cost', el('input', { id: 'import-cost', name: 'cost', inputmode: 'decimal', placeholder: '0.50' })),
    field('imports.asOf', el('input', { id: 'import-as-of', name: 'as_of', type: 'date' })),
    field('imports.encoding', el('select', { id: 'import-encoding', name: 'encoding' },
      el('option', { value: '' }, t('imports.auto')), el('option', { value: 'utf-8' }, 'UTF-8'), el('option', { value: 'gbk' }, 'GBK'))),
    field('imports.sheet', el('input', { id: 'import-sheet', name: 'sheet' })),
    field('imports.teams', el('input', { id: 'import-teams', name: 'teams', placeholder: t('imports.teamsHint') })),
    field('imports.maps', el('textarea', { id: 'import-maps', name: 'maps', rows: '2', placeholder: '客户手机=phone' })),
    el('button', { type: 'submit', id: 'import-submit' }, t('imports.start')));

  function showSummary(id, report) {
    const cells = ['rows', 'imported', 'invalid_phone', 'duplicate', 'dnc'];
    summary.replaceChildren(
      el('table', { id: 'import-summary-table' },
        el('thead', {}, el('tr', {}, cells.map((k) => el('th', {}, t('imports.count.' + k))))),
        el('tbody', {}, el('tr', {}, cells.map((k) => el('td', { 'data-count': k }, report[k]))))),
      report.rejects.length > 0
        ? el('p', {}, el('a', { href: '/api/v1/imports/' + id + '/rejects.csv', id: 'import-rejects', download: 'rejects.csv' },
          t('imports.rejects', { count: report.rejects.length + (report.rejects_not_listed || 0) })))
        : el('p', { class: 'muted' }, t('imports.noRejects')));
  }

  async function follow(id) {
    for (;;) {
      const job = await api.get('/imports/' + id);
      progress.value = job.fraction_read;
      status.textContent = t('imports.progress', { rows: job.rows, percent: Math.round(job.fraction_read * 100) });
      if (job.state === 'done') { status.textContent = t('imports.done', { batch: job.batch }); showSummary(id, job.report); return; }
      if (job.state === 'failed') { status.textContent = ''; message.textContent = t('imports.failed', { message: job.error }); return; }
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    summary.replaceChildren();
    const button = document.getElementById('import-submit');
    button.disabled = true;
    try {
      const started = await lists.upload('/imports', new FormData(form));
      progress.hidden = false;
      progress.value = 0;
      await follow(started.id);
    } catch (e) {
      message.textContent = t('common.error', { message: e.message });
    } finally {
      button.disabled = false;
    }
  });

  root.append(el('div', { class: 'card' }, el('h2', {}, t('imports.title')), el('p', { class: 'muted' }, t('imports.help')), form, message),
    el('div', { class: 'card' }, el('h2', {}, t('imports.result')), progress, status, summary));
};
