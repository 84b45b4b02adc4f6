// 座席工作台: the agent's desk. The server PUSHES the desk (server-sent events, `event: desk`)
// on every change, so a background tab that the browser throttles still pops the lead at
// once; nothing here polls. On load the desk is read once, so a reload in the middle of a
// call or of wrap-up shows the same lead and the disposition can still be saved.
window.pages = window.pages || {};
window.pages.desktop = async function (root) {
  const kit = window.campaignKit;
  const reasons = vocabulary.values('not_ready_reasons');
  const message = el('p', { class: 'error', id: 'desk-message', role: 'alert' });
  const notice = el('p', { class: 'notice', id: 'desk-notice' });
  const connection = el('span', { class: 'muted', id: 'desk-connection' });
  let desk = null;
  let source = null;
  let closed = false;

  async function act(promise, done) {
    message.textContent = ''; notice.textContent = '';
    try {
      const answer = await promise;
      if (done) notice.textContent = done;
      if (answer && answer.state) render(answer);
      return answer;
    } catch (e) {
      message.textContent = e.status === 409 ? t('desk.refused', { reason: e.message }) : t('common.error', { message: e.message });
      return null;
    }
  }

  // 签入: campaign and extension.
  const campaignSelect = el('select', { id: 'desk-campaign' });
  const extension = el('input', { id: 'desk-extension', required: true, pattern: '[0-9]{2,10}', value: localStorage.getItem('waihu.desk.extension') || '' });
  const loginForm = el('form', { class: 'inline-form', id: 'desk-login-form' },
    el('label', {}, el('span', {}, t('desk.campaign')), campaignSelect),
    el('label', {}, el('span', {}, t('desk.extension')), extension),
    el('button', { type: 'submit', id: 'desk-login-submit' }, t('desk.login')));
  loginForm.addEventListener('submit', (event) => {
    event.preventDefault();
    localStorage.setItem('waihu.desk.extension', extension.value.trim());
    act(api.post('/desk/login', { campaign_id: Number(campaignSelect.value), extension: extension.value.trim() }));
  });
  const loginCard = el('div', { class: 'card', id: 'desk-login' }, el('h2', {}, t('desk.title')), loginForm);

  // The state bar: 就绪 / 示忙 (reason) / 签出, and the time in the state.
  const stateLabel = el('strong', { id: 'desk-state' });
  const timer = el('span', { id: 'desk-timer', class: 'timer' });
  const reasonSelect = el('select', { id: 'desk-reason' }, reasons.map((r) => el('option', { value: r }, t('desk.reason.' + r))));
  const readyButton = el('button', { type: 'button', id: 'desk-ready', onclick: () => act(api.post('/desk/ready')) }, t('desk.ready'));
  const notReadyButton = el('button', { type: 'button', id: 'desk-not-ready', class: 'secondary',
    onclick: () => act(api.post('/desk/not-ready', { reason: reasonSelect.value })) }, t('desk.notReady'));
  const logoutButton = el('button', { type: 'button', id: 'desk-logout', class: 'secondary', onclick: () => act(api.post('/desk/logout')) }, t('desk.logout'));
  const who = el('span', { id: 'desk-who', class: 'muted' });
  const stateBar = el('div', { class: 'card desk-bar', id: 'desk-bar' },
    el('span', { class: 'desk-state-box' }, stateLabel, ' ', timer), who,
    el('span', { class: 'spacer' }), readyButton, reasonSelect, notReadyButton, logoutButton, connection);

  // Preview campaigns: the agent asks for the next lead, then dials or skips it.
  const previewBar = el('div', { class: 'card', id: 'desk-preview' },
    el('button', { type: 'button', id: 'desk-preview-next', onclick: () => act(api.post('/desk/preview/next')) }, t('desk.previewNext')), ' ',
    el('button', { type: 'button', id: 'desk-preview-dial', onclick: async () => {
      const calling = desk && desk.call ? desk.call.call_id : null;
      if (await act(api.post('/desk/preview/dial'))) { dialedPreview = calling; render(desk); }
    } }, t('desk.previewDial')), ' ',
    el('button', { type: 'button', id: 'desk-preview-skip', class: 'secondary', onclick: () => act(api.post('/desk/preview/skip')) }, t('desk.previewSkip')));

  const callCard = el('div', { class: 'card', id: 'desk-call' });
  const dispositionCard = el('div', { class: 'card', id: 'desk-disposition' });
  const pendingCard = el('div', { class: 'card', id: 'desk-pending' });
  root.append(loginCard, stateBar, message, notice, previewBar,
    el('div', { class: 'desk-grid' }, callCard, el('div', {}, dispositionCard, pendingCard)));

  // A previewed lead not dialed yet: no disposition, and 拨打 / 跳过 apply. After 拨打 the
  // server keeps the same call on the desk, so the page remembers which call it dialed.
  let dialedPreview = null;
  // The states in which a customer's call holds the agent (the server's AgentState.countsAsTalking).
  const onACall = (state) => state === 'reserved' || state === 'ringing' || state === 'on_call';
  function previewing(call, state) {
    return Boolean(call && call.preview && !call.answered_at && !call.ended_at && !onACall(state) && state !== 'wrap_up'
      && dialedPreview !== call.call_id);
  }

  function renderTimer() {
    timer.textContent = desk && desk.since && desk.state !== 'logged_out' ? kit.since(desk.since) : '';
  }

  // 弹屏: who the customer is, the script with their fields filled in, what happened before.
  function renderCall(call) {
    if (!call) { callCard.hidden = true; callCard.replaceChildren(); return; }
    const lead = call.lead || {};
    const me = window.waihu.me;
    const canEdit = me && me.features.includes('leads') && call.lead_id;
    const facts = [['leads.field.phone', lead.phone_masked], ['leads.field.plate', lead.plate], ['leads.field.car_model', lead.car_model],
      ['leads.field.renewal_date', lead.renewal_date], ['leads.field.status', lead.status ? kit.label('leads.status.' + lead.status, lead.status) : '']];
    const extras = Object.entries(lead.extras || {});
    const history = call.history || [];
    callCard.hidden = false;
    callCard.replaceChildren(
      el('h2', { id: 'desk-lead-name' }, lead.name || lead.phone_masked || ''),
      el('p', { class: 'muted', id: 'desk-call-state' }, call.ended_at ? t('desk.ended', { at: kit.time(call.ended_at) })
        : previewing(call, desk.state) ? t('desk.previewing')
          : call.answered_at || desk.state === 'on_call' ? t('desk.talking', { since: kit.time(call.answered_at || desk.since) })
            : t('desk.dialing')),
      el('dl', { class: 'extras', id: 'desk-lead' },
        facts.flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', { 'data-field': key.split('.').pop() }, value || '')]),
        extras.flatMap(([key, value]) => [el('dt', {}, key), el('dd', {}, String(value))])),
      canEdit ? el('p', {}, el('a', { href: '#leads?lead=' + call.lead_id, id: 'desk-lead-link' }, t('desk.editLead'))) : null,
      el('h3', {}, t('desk.script')),
      el('div', { class: 'script', id: 'desk-script' }, call.script || t('desk.noScript')),
      el('h3', {}, t('desk.history')),
      history.length === 0 ? el('p', { class: 'muted' }, t('desk.noHistory')) :
        el('table', { id: 'desk-history' }, el('thead', {}, el('tr', {}, ['desk.at', 'desk.outcome', 'desk.agent', 'desk.disposition', 'desk.note'].map((k) => el('th', {}, t(k))))),
          el('tbody', {}, history.map((h) => el('tr', {}, el('td', {}, kit.time(h.at)), el('td', {}, kit.label('outcome.' + h.outcome, h.outcome)),
            el('td', {}, h.agent || ''), el('td', {}, h.disposition || ''), el('td', {}, h.note || ''))))));
  }

  // 小结: kept while the same call is on the desk, so a push does not wipe what the agent
  // typed; the draft also survives a reload (sessionStorage, per call).
  let formCall = null;
  function renderDisposition(call, campaign) {
    const callID = call && call.call_id && !previewing(call, desk.state) ? call.call_id : null;
    if (!callID || !campaign) { dispositionCard.hidden = true; dispositionCard.replaceChildren(); formCall = null; return; }
    dispositionCard.hidden = false;
    if (formCall === callID) return;
    formCall = callID;
    const draftKey = 'waihu.desk.draft.' + callID;
    const draft = JSON.parse(sessionStorage.getItem(draftKey) || '{}');
    const dispositions = campaign.dispositions || [];
    const code = el('select', { id: 'desk-disposition-code', required: true }, el('option', { value: '' }, t('desk.pick')),
      dispositions.map((d) => el('option', { value: d.code, 'data-category': d.category, selected: d.code === draft.code }, d.label)));
    const note = el('textarea', { id: 'desk-note', rows: 2 }, draft.note || '');
    const callbackAt = el('input', { id: 'desk-callback-at', type: 'datetime-local', value: draft.callbackAt || '' });
    const personal = el('input', { type: 'radio', name: 'desk-callback-owner', id: 'desk-callback-personal', value: 'personal', checked: draft.personal !== false });
    const shared = el('input', { type: 'radio', name: 'desk-callback-owner', id: 'desk-callback-campaign', value: 'campaign', checked: draft.personal === false });
    const callbackBox = el('div', { class: 'inline-form', id: 'desk-callback' },
      el('label', {}, el('span', {}, t('desk.callbackAt')), callbackAt),
      el('label', { class: 'check' }, personal, ' ', t('desk.callbackPersonal')),
      el('label', { class: 'check' }, shared, ' ', t('desk.callbackCampaign')));
    const quick = el('div', { class: 'quick-dispositions' }, dispositions.map((d) =>
      el('button', { type: 'button', class: 'secondary', 'data-code': d.code, onclick: () => { code.value = d.code; sync(); } }, d.label)));
    function sync() {
      const chosen = dispositions.find((d) => d.code === code.value);
      callbackBox.hidden = !(chosen && chosen.category === 'callback') && !callbackAt.value;
      quick.querySelectorAll('button').forEach((b) => b.classList.toggle('chosen', b.dataset.code === code.value));
      sessionStorage.setItem(draftKey, JSON.stringify({ code: code.value, note: note.value, callbackAt: callbackAt.value, personal: personal.checked }));
    }
    [code, note, callbackAt, personal, shared].forEach((input) => input.addEventListener('input', sync));
    code.addEventListener('change', sync);
    const form = el('form', { id: 'desk-disposition-form' },
      el('h3', {}, t('desk.disposition')), quick,
      el('label', {}, el('span', {}, t('desk.disposition')), code),
      el('label', {}, el('span', {}, t('desk.note')), note),
      callbackBox,
      el('button', { type: 'submit', id: 'desk-disposition-submit' }, t('desk.save')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!code.value) { message.textContent = t('desk.pickFirst'); return; }
      const body = { call_id: callID, code: code.value, note: note.value.trim() || undefined };
      if (callbackAt.value) {
        body.callback_at = new Date(callbackAt.value).toISOString();
        body.callback_personal = personal.checked;
      }
      const saved = await act(api.post('/desk/dispositions', body), t('desk.saved'));
      if (saved) sessionStorage.removeItem(draftKey);
    });
    dispositionCard.replaceChildren(form);
    sync();
  }

  function render(next) {
    desk = next;
    const state = desk.state;
    const loggedIn = state !== 'logged_out';
    loginCard.hidden = loggedIn;
    stateBar.hidden = !loggedIn;
    if (!loggedIn) {
      const chosen = campaignSelect.value;
      campaignSelect.replaceChildren(...(desk.campaigns || []).map((c) =>
        el('option', { value: c.id, selected: String(c.id) === chosen }, c.name + ' · ' + kit.label('campaigns.mode.' + c.mode, c.mode))));
      if (!extension.value && desk.extension) extension.value = desk.extension;
    }
    stateLabel.textContent = kit.label('desk.state.' + state, state) + (state === 'not_ready' && desk.reason ? ' · ' + kit.label('desk.reason.' + desk.reason, desk.reason) : '');
    stateLabel.className = 'state-' + state;
    stateLabel.dataset.state = state;
    who.textContent = [desk.display_name || desk.agent, desk.extension ? t('leads.ext', { ext: desk.extension }) : '',
      desk.campaign ? desk.campaign.name : '', desk.extension && desk.registered === false ? t('desk.unregistered') : '',
      desk.not_ready_after_call ? t('desk.afterCall', { reason: kit.label('desk.reason.' + desk.not_ready_after_call, desk.not_ready_after_call) }) : '']
      .filter(Boolean).join(' · ');
    readyButton.disabled = state === 'ready' || onACall(state);
    notReadyButton.disabled = onACall(state);
    const preview = loggedIn && desk.campaign && desk.campaign.mode === 'preview';
    previewBar.hidden = !preview;
    if (preview) {
      const holding = previewing(desk.call, state);
      document.getElementById('desk-preview-next').disabled = Boolean(desk.call);
      document.getElementById('desk-preview-dial').disabled = !holding;
      document.getElementById('desk-preview-skip').disabled = !holding;
    }
    renderCall(desk.call);
    renderDisposition(desk.call, desk.campaign);
    const others = (desk.pending || []).filter((p) => !desk.call || p.call_id !== desk.call.call_id);
    pendingCard.hidden = others.length === 0;
    pendingCard.replaceChildren(el('h3', {}, t('desk.pending')),
      el('ul', { id: 'desk-pending-list' }, others.map((p) => el('li', { 'data-call': p.call_id }, p.name || '#' + p.lead_id))));
    renderTimer();
  }

  // The push channel. EventSource reconnects by itself after a network blip; when the
  // server refused the stream (it is CLOSED), read the desk once, which sends an expired
  // session to the login page, and open a new stream a little later.
  function connect() {
    if (closed) return;
    source = new EventSource('/api/v1/desk/stream');
    window.waihuDeskSource = source;
    source.addEventListener('desk', (event) => {
      if (!root.isConnected) { stop(); return; }
      connection.textContent = '';
      render(JSON.parse(event.data));
    });
    source.onopen = () => { connection.textContent = ''; };
    source.onerror = () => {
      if (!root.isConnected) { stop(); return; }
      connection.textContent = t('desk.reconnecting');
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(async () => {
          if (closed || !root.isConnected) return;
          try { render(await api.get('/desk')); connect(); } catch (e) { if (e.status !== 401) setTimeout(connect, 5000); }
        }, 2000);
      }
    };
  }
  function stop() {
    closed = true;
    if (source) source.close();
    clearInterval(ticker);
  }
  if (window.waihuDeskSource) window.waihuDeskSource.close();
  // Only the time-in-state text moves every second; the desk itself comes by push.
  const ticker = setInterval(() => { if (!root.isConnected) stop(); else renderTimer(); }, 1000);
  window.addEventListener('hashchange', stop, { once: true });

  try { render(await api.get('/desk')); } catch (e) { message.textContent = t('common.error', { message: e.message }); }
  connect();
};
