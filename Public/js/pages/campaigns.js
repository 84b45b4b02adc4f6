// 外呼任务: the campaigns with their progress and why they run short of leads; start, pause,
// resume and stop; a form that creates one from lead batches. The detail view (calls,
// recordings, listeners, prompt) is campaign-detail.js.
window.pages = window.pages || {};
window.pages.campaigns = async function (root) {
  const message = el('p', { class: 'error', id: 'campaigns-message', role: 'alert' });
  const notice = el('p', { class: 'notice', id: 'campaigns-notice' });
  const tableBody = el('tbody', { id: 'campaigns-table' });
  const detail = el('div', { id: 'campaign-detail' });
  const kit = window.campaignKit;
  let shown = null;

  async function act(promise, done) {
    message.textContent = ''; notice.textContent = '';
    try {
      const campaign = await promise;
      notice.textContent = done || t('campaigns.saved');
      await load();
      return campaign;
    } catch (e) {
      // A 409 carries the reason the campaign cannot start ("no leads", "no trunk" …).
      message.textContent = e.status === 409 ? t('campaigns.refused', { reason: e.message }) : t('common.error', { message: e.message });
      return null;
    }
  }

  function progressCell(c) {
    const p = c.progress || {};
    const survey = kit.survey(c);
    return el('td', { class: 'progress-cell', 'data-progress': c.id },
      el('div', {}, t('campaigns.progressLine', {
        total: p.total ?? 0, waiting: p.waiting ?? 0, dialing: p.dialing ?? 0, wrap_up: p.wrap_up ?? 0, done: p.done ?? 0,
      })),
      el('div', { class: 'muted' }, t('campaigns.todayLine', { dialed: p.dialed_today ?? 0, answered: p.answered_today ?? 0 }),
        ' · ', t('campaigns.abandon'), ' ', kit.abandon(c)),
      survey ? el('div', {}, survey) : null);
  }

  function row(c) {
    const commands = (kit.commandsByStatus[c.status] || []).map((command) =>
      el('button', { type: 'button', class: command === 'stop' ? 'secondary' : null, id: 'campaign-' + c.id + '-' + command,
        'data-command': command, onclick: () => act(api.post('/campaigns/' + c.id + '/' + command), t('campaigns.done.' + command)) },
      t('campaigns.command.' + command)));
    const open = el('a', { href: '#campaigns', id: 'campaign-open-' + c.id }, c.name);
    open.addEventListener('click', (event) => { event.preventDefault(); showDetail(c.id); });
    return el('tr', { 'data-campaign': c.id },
      el('td', {}, open),
      el('td', {}, kit.label('campaigns.mode.' + c.mode, c.mode)),
      el('td', {}, el('span', { class: c.status === 'running' ? 'tag ok' : 'tag', 'data-status': c.status },
        kit.label('campaigns.status.' + c.status, c.status_label))),
      progressCell(c),
      el('td', { 'data-shortage': c.id }, kit.shortage(c)),
      el('td', {}, commands.flatMap((b) => [b, ' '])));
  }

  async function load() {
    const campaigns = await api.get('/campaigns');
    tableBody.replaceChildren(...campaigns.map(row));
    if (campaigns.length === 0) tableBody.append(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, t('campaigns.none'))));
    if (shown !== null) await showDetail(shown);
  }

  async function showDetail(id) {
    shown = id;
    try {
      await window.campaignDetail(detail, id, { message, notice, reload: load });
    } catch (e) {
      message.textContent = t('common.error', { message: e.message });
    }
  }

  const form = await window.campaignForm({
    onCreate: async (body, promptFile) => {
      const created = await act(api.post('/campaigns', body), t('campaigns.created'));
      if (!created) return false;
      if (promptFile) {
        await act(kit.sendFile('PUT', '/campaigns/' + created.id + '/prompt', promptFile, 'audio/wav'), t('campaigns.promptSaved'));
      }
      return true;
    },
    message,
  });

  const head = ['campaigns.name', 'campaigns.modeTitle', 'campaigns.statusTitle', 'campaigns.progress', 'campaigns.shortage', 'campaigns.actions'];
  root.append(
    el('div', { class: 'card scroll' }, el('h2', {}, t('campaigns.title')), message, notice,
      el('table', { class: 'report' }, el('thead', {}, el('tr', {}, head.map((k) => el('th', {}, t(k))))), tableBody)),
    detail,
    el('div', { class: 'card' }, el('h2', {}, t('campaigns.create')), form));
  await load();
};
