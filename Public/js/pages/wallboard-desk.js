// The wallboard's live part for campaigns: every agent's state and time in state with the
// supervisor's 强制示忙 / 强制签出, and every campaign's dials, answers, abandon rate
// against its cap, leads left and why it is short of leads, with pause and stop. Read
// again whenever the wallboard's stream pushes (wallboard.js calls refresh()).
window.wallboardDesk = function (root) {
  const kit = window.campaignKit;
  const message = el('p', { class: 'error', id: 'wallboard-desk-message', role: 'alert' });
  const agentsBody = el('tbody', { id: 'wallboard-live-agents' });
  const campaignsBody = el('tbody', { id: 'wallboard-campaigns' });
  const head = (keys) => el('thead', {}, el('tr', {}, keys.map((k) => el('th', {}, k ? t(k) : ''))));
  root.append(
    el('div', { class: 'card scroll' }, el('h3', {}, t('wallboard.liveAgents')), message,
      el('table', { class: 'report' }, head(['wallboard.agent', 'wallboard.team', 'wallboard.state', 'wallboard.inState',
        'wallboard.campaign', 'wallboard.extension', '']), agentsBody)),
    el('div', { class: 'card scroll' }, el('h3', {}, t('wallboard.campaigns')),
      el('table', { class: 'report' }, head(['wallboard.campaign', 'wallboard.status', 'wallboard.dialed', 'wallboard.answered',
        'wallboard.abandonVsCap', 'wallboard.leadsLeft', 'wallboard.shortage', '']), campaignsBody)));

  let agents = [];
  // A table is drawn again only when what it shows changed (the seconds in state move on
  // their own), so a button is not replaced under the supervisor's pointer.
  let drawnAgents = null;
  let drawnCampaigns = null;
  // The server's key order is not stable: compare with the keys sorted.
  const stable = (value, drop) => {
    if (Array.isArray(value)) return value.map((v) => stable(v, drop));
    if (value === null || typeof value !== 'object') return value;
    return Object.keys(value).filter((k) => !drop.includes(k)).sort().map((k) => [k, stable(value[k], drop)]);
  };
  const same = (last, rows, drop) => {
    const text = JSON.stringify(stable(rows, drop));
    return [last === text, text];
  };
  async function act(promise) {
    message.textContent = '';
    try { return await promise; } catch (e) {
      message.textContent = e.status === 409 ? t('campaigns.refused', { reason: e.message }) : t('common.error', { message: e.message });
      return null;
    }
  }

  function renderAgents() {
    const [unchanged, text] = same(drawnAgents, agents, ['seconds_in_state']);
    if (unchanged) return;
    drawnAgents = text;
    agentsBody.replaceChildren(...agents.map((a) => {
      const name = a.agent;
      const force = (what) => act(api.post('/desk/agents/' + encodeURIComponent(name) + '/' + what, what === 'not-ready' ? { reason: 'other' } : {}))
        .then((answer) => { if (Array.isArray(answer)) { agents = answer; renderAgents(); } });
      const loggedIn = a.state !== 'logged_out';
      return el('tr', { 'data-agent': name },
        el('td', {}, a.display_name || name), el('td', {}, a.team || ''),
        el('td', { 'data-state': a.state }, kit.label('desk.state.' + a.state, a.state),
          a.state === 'not_ready' && a.reason ? ' · ' + kit.label('desk.reason.' + a.reason, a.reason) : '',
          a.lead ? ' · ' + a.lead : ''),
        el('td', { class: 'num in-state', 'data-since': a.since || '' }, kit.since(a.since)),
        el('td', {}, a.campaign || ''),
        el('td', {}, a.extension || ''),
        el('td', {},
          el('button', { type: 'button', class: 'secondary', id: 'force-not-ready-' + name, disabled: !loggedIn || a.state === 'not_ready',
            onclick: () => force('not-ready') }, t('wallboard.forceNotReady')), ' ',
          el('button', { type: 'button', class: 'secondary', id: 'force-logout-' + name, disabled: !loggedIn,
            onclick: () => force('logout') }, t('wallboard.forceLogout'))));
    }));
    if (agents.length === 0) agentsBody.append(el('tr', {}, el('td', { colspan: 7, class: 'muted' }, t('wallboard.noAgents'))));
  }

  function renderCampaigns(campaigns) {
    const active = campaigns.filter((c) => c.status === 'running' || c.status === 'paused');
    const [unchanged, text] = same(drawnCampaigns, active, []);
    if (unchanged) return;
    drawnCampaigns = text;
    campaignsBody.replaceChildren(...active.map((c) => {
      const p = c.progress || {};
      const left = (p.total ?? 0) - (p.done ?? 0);
      const command = (what) => act(api.post('/campaigns/' + c.id + '/' + what)).then((answer) => { if (answer) refresh(); });
      return el('tr', { 'data-campaign': c.id },
        el('td', {}, c.name), el('td', {}, kit.label('campaigns.status.' + c.status, c.status_label)),
        el('td', { class: 'num' }, p.dialed_today ?? 0), el('td', { class: 'num' }, p.answered_today ?? 0),
        el('td', { class: 'num' }, kit.abandon(c)), el('td', { class: 'num' }, left),
        el('td', {}, kit.shortage(c)),
        el('td', {},
          c.status === 'running'
            ? el('button', { type: 'button', class: 'secondary', id: 'wallboard-pause-' + c.id, onclick: () => command('pause') }, t('campaigns.command.pause'))
            : el('button', { type: 'button', class: 'secondary', id: 'wallboard-resume-' + c.id, onclick: () => command('resume') }, t('campaigns.command.resume')),
          ' ',
          el('button', { type: 'button', class: 'secondary', id: 'wallboard-stop-' + c.id, onclick: () => command('stop') }, t('campaigns.command.stop'))));
    }));
    if (active.length === 0) campaignsBody.append(el('tr', {}, el('td', { colspan: 8, class: 'muted' }, t('wallboard.noCampaigns'))));
  }

  // One read at a time; a push during a read asks for one more read after it.
  let reading = false;
  let again = false;
  async function refresh() {
    if (reading) { again = true; return; }
    reading = true;
    try {
      const [nextAgents, campaigns] = await Promise.all([api.get('/desk/agents'), api.get('/campaigns')]);
      agents = nextAgents;
      renderAgents();
      renderCampaigns(campaigns);
    } catch (e) {
      message.textContent = t('common.error', { message: e.message });
    } finally {
      reading = false;
      if (again) { again = false; refresh(); }
    }
  }

  // Only the time-in-state texts move every second; the data comes with the pushes.
  const ticker = setInterval(() => {
    if (!root.isConnected) { clearInterval(ticker); return; }
    agentsBody.querySelectorAll('td.in-state').forEach((cell) => { cell.textContent = kit.since(cell.dataset.since); });
  }, 1000);
  return { refresh };
};
