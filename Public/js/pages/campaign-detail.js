// One campaign in 外呼任务: its settings, the prompt upload, the latest calls with their
// recordings, and for a voice broadcast the leads ranked by seconds listened, which can
// become a callback campaign for agents ("因为有听过广告").
window.campaignDetail = async function (holder, id, { message, notice, reload }) {
  const kit = window.campaignKit;
  const [campaign, calls] = await Promise.all([api.get('/campaigns/' + id), api.get('/campaigns/' + id + '/calls?limit=100')]);
  const broadcast = campaign.mode === 'broadcast';
  const hear = kit.canHearRecordings();
  const plan = campaign.plan || {};
  const gate = plan.gate || {};
  const hhmm = (minute) => minute === undefined ? '' : String(Math.floor(minute / 60)).padStart(2, '0') + ':' + String(minute % 60).padStart(2, '0');

  const facts = el('dl', { class: 'extras', id: 'campaign-facts' },
    el('dt', {}, t('campaigns.modeTitle')), el('dd', {}, kit.label('campaigns.mode.' + campaign.mode, campaign.mode)),
    el('dt', {}, t('campaigns.statusTitle')), el('dd', {}, kit.label('campaigns.status.' + campaign.status, campaign.status_label)),
    el('dt', {}, t('campaigns.batches')), el('dd', {}, (campaign.batches || []).join(', ')),
    el('dt', {}, t('campaigns.teams')), el('dd', {}, (campaign.teams || []).join(', ')),
    el('dt', {}, t('campaigns.trunk')), el('dd', {}, campaign.trunk || ''),
    el('dt', {}, t('campaigns.callerID')), el('dd', {}, campaign.caller_id || ''),
    el('dt', {}, t('campaigns.window')), el('dd', {}, gate.window ? hhmm(gate.window.opens_at_minute) + '–' + hhmm(gate.window.closes_at_minute) : ''),
    el('dt', {}, t('campaigns.abandon')), el('dd', {}, kit.abandon(campaign)),
    campaign.mode === 'predictive' ? [el('dt', {}, t('campaigns.pacing')), el('dd', { id: 'campaign-pacing-fact' }, t('campaigns.pacingIdle'))] : null,
    el('dt', {}, t('campaigns.leadOrder')), el('dd', { id: 'campaign-lead-order-fact' },
      (plan.lead_order || []).map((key) => kit.label('campaigns.orderKey.' + key, key)).join(' → ')),
    el('dt', {}, t('campaigns.listMix')), el('dd', { id: 'campaign-list-mix-fact' }, Object.keys(plan.list_mix || {}).length
      ? Object.entries(plan.list_mix).map(([batch, share]) => batch + ' ' + share).join(' : ') : t('campaigns.noListMix')),
    el('dt', {}, t('campaigns.callbackGrace')), el('dd', {}, plan.callback_grace_minutes != null ? t('campaigns.minutes', { minutes: plan.callback_grace_minutes }) : ''),
    campaign.progress && campaign.progress.survey_target != null ? [el('dt', {}, t('campaigns.survey')), el('dd', {}, kit.survey(campaign))] : null,
    broadcast ? [el('dt', {}, t('campaigns.prompt')), el('dd', { id: 'campaign-prompt-state' },
      campaign.has_prompt ? t('campaigns.promptSeconds', { seconds: Number(campaign.prompt_seconds || 0).toFixed(1) }) : t('campaigns.noPrompt'))] : null,
    plan.script ? [el('dt', {}, t('campaigns.script')), el('dd', { class: 'script' }, plan.script)] : null);

  // The prompt (语音群呼的广告录音): a WAV file sent as the request body.
  const promptInput = el('input', { type: 'file', id: 'detail-prompt-file', accept: '.wav,audio/wav' });
  const promptForm = el('form', { class: 'inline-form', id: 'detail-prompt-form' },
    el('label', {}, el('span', {}, t('campaigns.uploadPrompt')), promptInput),
    el('button', { type: 'submit', id: 'detail-prompt-submit' }, t('campaigns.upload')));
  promptForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!promptInput.files.length) return;
    message.textContent = ''; notice.textContent = '';
    try {
      await kit.sendFile('PUT', '/campaigns/' + id + '/prompt', promptInput.files[0], 'audio/wav');
      notice.textContent = t('campaigns.promptSaved');
      await reload();
    } catch (e) { message.textContent = t('common.error', { message: e.message }); }
  });

  const callHead = ['campaigns.callAt', 'campaigns.lead', 'campaigns.phone', 'campaigns.outcome', 'campaigns.causeTitle', 'campaigns.agent',
    broadcast ? 'campaigns.listened' : 'campaigns.talk', broadcast ? 'campaigns.digits' : null, hear ? 'campaigns.recording' : null].filter(Boolean);
  const callRows = calls.map((call) => el('tr', { 'data-call': call.call_id },
    el('td', {}, kit.time(call.placed_at)),
    el('td', {}, call.name || '#' + call.lead_id),
    el('td', {}, call.number || ''),
    el('td', { 'data-outcome': call.outcome }, kit.label('outcome.' + call.outcome, call.outcome_label || call.outcome)),
    el('td', { 'data-cause': call.cause || '', title: call.evidence || '' }, call.cause ? kit.label('cause.' + call.cause, call.cause_label) : ''),
    el('td', {}, call.agent || ''),
    el('td', { class: 'num' }, kit.clock((broadcast ? call.listened_s : call.talk_s) || 0)),
    broadcast ? el('td', {}, call.digits || '') : null,
    hear ? el('td', {}, call.recording ? kit.playButton(call.call_id, message) : '') : null));
  if (calls.length === 0) callRows.push(el('tr', {}, el('td', { colspan: callHead.length, class: 'muted' }, t('campaigns.noCalls'))));

  const card = el('div', { class: 'card scroll', 'data-detail': id },
    el('h2', {}, campaign.name), facts,
    broadcast ? promptForm : null,
    el('h3', {}, t('campaigns.calls')),
    el('table', { class: 'report', id: 'campaign-calls' }, el('thead', {}, el('tr', {}, callHead.map((k) => el('th', {}, t(k))))),
      el('tbody', {}, callRows)));
  if (campaign.mode === 'predictive') pacingFact(card.querySelector('#campaign-pacing-fact'));
  card.append(await leadList(campaign));
  if (broadcast) card.append(await listeners(campaign));
  holder.replaceChildren(card);

  // 预测式节奏: how the pacer started (from history or cold) and what it assumes now; the
  // last minute of its trace says whether it is ramping (budget below 100 %).
  async function pacingFact(dd) {
    try {
      const pacing = await api.get('/campaigns/' + id + '/pacing?since=' + Math.floor(Date.now() / 1000 - 60));
      if (!pacing.running || !pacing.status) return;
      const s = pacing.status;
      const pct = (x) => x == null ? '–' : (100 * x).toFixed(1) + '%';
      dd.textContent = t('campaigns.pacingLine', {
        start: t(s.warm_start ? 'campaigns.pacingWarm' : 'campaigns.pacingCold'), answer: pct(s.answer_probability),
        budget: pct(s.budget_factor), observed: s.observations,
      });
      dd.dataset.warm = s.warm_start ? 'true' : 'false';
    } catch (e) { dd.textContent = t('common.error', { message: e.message }); }
  }

  // 名单明细: each lead's place in its lifecycle (state, attempts, next dial, why done, last
  // outcome, and its cause with the evidence: 空号 from "announcement vacant 0.93; sip 404").
  async function leadList(c) {
    const states = ['', 'waiting', 'dialing', 'wrap_up', 'done'];
    const stateSelect = el('select', { id: 'campaign-leads-state' },
      states.map((s) => el('option', { value: s }, s ? t('campaigns.leadState.' + s) : t('audit.all'))));
    const causeSelect = el('select', { id: 'campaign-leads-cause' }, el('option', { value: '' }, t('audit.all')),
      vocabulary.values('call_causes').map((cause) => el('option', { value: cause }, t('cause.' + cause))));
    const body = el('tbody', { id: 'campaign-leads' });
    const pager = el('span', { id: 'campaign-leads-page', class: 'muted' });
    let page = 1;
    let pages = 1;
    const prev = el('button', { type: 'button', id: 'campaign-leads-prev', onclick: () => { if (page > 1) { page -= 1; fill(); } } }, '‹');
    const next = el('button', { type: 'button', id: 'campaign-leads-next', onclick: () => { if (page < pages) { page += 1; fill(); } } }, '›');
    async function fill() {
      try {
        const result = await api.get('/campaigns/' + c.id + '/leads?per_page=50&page=' + page + '&state=' + encodeURIComponent(stateSelect.value)
          + '&cause=' + encodeURIComponent(causeSelect.value));
        pages = Math.max(1, Math.ceil(result.total / result.per_page));
        pager.textContent = t('campaigns.leadsPage', { page: result.page, pages, total: result.total });
        body.replaceChildren(...result.leads.map((r) => el('tr', { 'data-lead': r.lead_id, 'data-state': r.state },
          el('td', {}, r.name || '#' + r.lead_id), el('td', {}, r.number || ''), el('td', {}, r.batch || ''),
          el('td', {}, kit.label('campaigns.leadState.' + r.state, r.state_label)),
          el('td', { class: 'num' }, String(r.attempts)), el('td', { class: 'num' }, String(r.attempts_today)),
          el('td', {}, r.next_dial_at ? kit.time(r.next_dial_at) : ''),
          el('td', { 'data-reason': r.done_reason || '' }, r.done_reason ? kit.label('campaigns.doneReason.' + r.done_reason, r.done_label) : ''),
          el('td', {}, r.last_outcome ? kit.label('outcome.' + r.last_outcome, r.last_outcome_label) : ''),
          el('td', { 'data-cause': r.last_cause || '' }, r.last_cause ? kit.label('cause.' + r.last_cause, r.last_cause_label) : ''),
          el('td', { class: 'muted evidence' }, r.last_evidence || ''),
          el('td', {}, r.callback_at ? kit.time(r.callback_at) + (r.callback_agent ? ' · ' + r.callback_agent : '') : ''))));
        if (result.leads.length === 0) body.append(el('tr', {}, el('td', { colspan: 12, class: 'muted' }, t('campaigns.noLeads'))));
      } catch (e) { message.textContent = t('common.error', { message: e.message }); }
    }
    stateSelect.addEventListener('change', () => { page = 1; fill(); });
    causeSelect.addEventListener('change', () => { page = 1; fill(); });
    await fill();
    return el('div', { id: 'campaign-leads-box' }, el('h3', {}, t('campaigns.leads')),
      el('div', { class: 'inline-form' }, el('label', {}, el('span', {}, t('campaigns.leadStateTitle')), stateSelect),
        el('label', {}, el('span', {}, t('campaigns.lastCauseTitle')), causeSelect), prev, pager, next),
      el('table', { class: 'report' }, el('thead', {}, el('tr', {}, ['campaigns.lead', 'campaigns.phone', 'campaigns.batch', 'campaigns.leadStateTitle',
        'campaigns.attempts', 'campaigns.attemptsToday', 'campaigns.nextDial', 'campaigns.doneReasonTitle', 'campaigns.lastOutcomeTitle',
        'campaigns.lastCauseTitle', 'campaigns.evidence', 'campaigns.callback'].map((k) => el('th', {}, t(k))))), body));
  }

  // 收听排行: who listened longest; those make a good callback list for agents.
  async function listeners(c) {
    const minSeconds = el('input', { id: 'listeners-min', type: 'number', min: 0, value: 5 });
    const body = el('tbody', { id: 'campaign-listeners' });
    const box = el('div', { id: 'listeners-box' });
    async function fill() {
      const rows = await api.get('/campaigns/' + c.id + '/listeners?limit=200&min_seconds=' + encodeURIComponent(minSeconds.value || 0));
      body.replaceChildren(...rows.map((r, index) => el('tr', { 'data-lead': r.lead_id },
        el('td', {}, String(index + 1)), el('td', {}, r.name || ''), el('td', {}, r.number || ''),
        el('td', { class: 'num' }, Number(r.listened_s || 0).toFixed(1)),
        el('td', {}, (r.pressed || '') + (r.wanted_agent ? ' ' + t('campaigns.wantedAgent') : '')))));
      if (rows.length === 0) body.append(el('tr', {}, el('td', { colspan: 5, class: 'muted' }, t('campaigns.noListeners'))));
    }
    const makeCampaign = el('button', { type: 'button', id: 'listeners-campaign', onclick: async () => {
      const name = prompt(t('campaigns.callbackName'), c.name + ' 回拨');
      if (!name) return;
      message.textContent = ''; notice.textContent = '';
      try {
        const made = await api.post('/campaigns/' + c.id + '/listeners/campaign',
          { name: name.trim(), min_seconds: Number(minSeconds.value || 0), mode: 'preview', teams: c.teams || [] });
        notice.textContent = t('campaigns.callbackMade', { name: made.name, count: (made.progress && made.progress.total) || 0 });
        await reload();
      } catch (e) { message.textContent = t('common.error', { message: e.message }); }
    } }, t('campaigns.makeCallback'));
    minSeconds.addEventListener('change', () => fill().catch((e) => { message.textContent = t('common.error', { message: e.message }); }));
    await fill();
    box.append(el('h3', {}, t('campaigns.listeners')),
      el('div', { class: 'inline-form' }, el('label', {}, el('span', {}, t('campaigns.minSeconds')), minSeconds), makeCampaign),
      el('table', { class: 'report' }, el('thead', {}, el('tr', {}, ['#', 'campaigns.lead', 'campaigns.phone', 'campaigns.listened', 'campaigns.digits']
        .map((k) => el('th', {}, k === '#' ? k : t(k))))), body));
    return box;
  }
};
