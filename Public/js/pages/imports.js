// 名单导入: upload a list, see its first rows and the header row, follow the import's progress,
// see the summary, download the rejects.
window.pages = window.pages || {};
window.pages.imports = async function (root) {
  const message = el('p', { class: 'error', id: 'import-message', role: 'alert' });
  const progress = el('progress', { id: 'import-progress', max: '1', value: '0', hidden: true });
  const status = el('p', { id: 'import-status', class: 'muted' });
  const summary = el('div', { id: 'import-summary' });
  const previewNote = el('p', { id: 'import-preview-note', class: 'muted' });
  const preview = el('div', { id: 'import-preview', class: 'scroll' });
  const headerRow = el('input', { id: 'import-header-row', name: 'header_row', type: 'number', min: '1', placeholder: t('imports.headerRowAuto') });
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
    field('imports.headerRow', headerRow),
    field('imports.teams', el('input', { id: 'import-teams', name: 'teams', placeholder: t('imports.teamsHint') })),
    field('imports.maps', el('textarea', { id: 'import-maps', name: 'maps', rows: '2', placeholder: '客户手机=phone' })),
    el('button', { type: 'submit', id: 'import-submit' }, t('imports.start')));

  // The first rows of the chosen file as the server reads them, the header row marked. Only
  // the first megabyte of a CSV is sent; a workbook goes whole (its parts are zipped).
  let previewRun = 0;
  async function showPreview() {
    const file = document.getElementById('import-file').files[0];
    const run = ++previewRun;
    if (!file) { preview.replaceChildren(); previewNote.textContent = ''; return; }
    const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
    const isZip = head[0] === 0x50 && head[1] === 0x4B;
    const data = new FormData();
    data.append('file', isZip ? file : file.slice(0, 1 << 20), file.name);
    for (const name of ['encoding', 'sheet', 'maps', 'header_row']) data.append(name, form.elements[name].value);
    previewNote.textContent = t('imports.previewLoading');
    try {
      const result = await lists.upload('/imports/preview', data);
      if (run !== previewRun) return;
      renderPreview(result);
    } catch (e) {
      if (run !== previewRun) return;
      preview.replaceChildren();
      previewNote.textContent = t('imports.previewFailed', { message: e.message });
    }
  }

  function renderPreview(result) {
    const chosen = result.header_row;
    const width = Math.max(1, ...result.rows.map((r) => r.cells.length));
    const row = (r) => el('tr', { 'data-row': r.row, class: r.row === chosen ? 'header-row' : (chosen && r.row < chosen ? 'above-header' : null) },
      el('td', {}, el('input', { type: 'radio', name: 'preview-header', value: r.row, title: t('imports.useAsHeader'), checked: r.row === chosen,
        onchange: () => { headerRow.value = String(r.row); showPreview(); } })),
      el('td', { class: 'muted' }, r.row),
      Array.from({ length: width }, (_, i) => el('td', {}, r.cells[i] || '')));
    preview.replaceChildren(el('table', { id: 'import-preview-table', class: 'preview' },
      el('thead', {}, el('tr', {}, el('th', {}, t('imports.headerColumn')), el('th', {}, t('imports.rowColumn')),
        Array.from({ length: width }, (_, i) => el('th', {}, columnName(i))))),
      el('tbody', {}, result.rows.map(row))));
    const sheet = result.sheet ? t('imports.previewSheet', { sheet: result.sheet }) + ' ' : '';
    if (result.problem) previewNote.textContent = sheet + t('imports.previewProblem', { row: chosen, message: result.problem });
    else if (chosen) previewNote.textContent = sheet + t(chosen > 1 ? 'imports.previewHeaderBelow' : 'imports.previewHeader', { row: chosen });
    else previewNote.textContent = sheet;
  }

  function columnName(index) {
    let name = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    return name;
  }

  // A new file: its own header row is found again.
  form.elements.file.addEventListener('change', () => { headerRow.value = ''; showPreview(); });
  for (const name of ['encoding', 'sheet', 'maps', 'header_row']) form.elements[name].addEventListener('change', showPreview);

  function showSummary(id, report) {
    const cells = ['rows', 'imported', 'invalid_phone', 'duplicate', 'dnc'];
    summary.replaceChildren(
      el('p', { id: 'import-header-used', class: 'muted' }, t('imports.headerUsed', { row: report.header_row || 1 })),
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
    el('div', { class: 'card' }, el('h2', {}, t('imports.preview')), previewNote, preview),
    el('div', { class: 'card' }, el('h2', {}, t('imports.result')), progress, status, summary));
};
