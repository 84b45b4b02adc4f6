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
    el('dt', {}, t('campaigns.window')), el('dd', {}, gate.window ? hhmm(gate.window.opensAtMinute) + '–' + hhmm(gate.window.closesAtMinute) : ''),
    el('dt', {}, t('campaigns.abandon')), el('dd', {}, kit.abandon(campaign)),
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

  const callHead = ['campaigns.callAt', 'campaigns.lead', 'campaigns.phone', 'campaigns.outcome', 'campaigns.agent',
    broadcast ? 'campaigns.listened' : 'campaigns.talk', broadcast ? 'campaigns.digits' : null, hear ? 'campaigns.recording' : null].filter(Boolean);
  const callRows = calls.map((call) => el('tr', { 'data-call': call.call_id },
    el('td', {}, kit.time(call.placed_at)),
    el('td', {}, call.name || '#' + call.lead_id),
    el('td', {}, call.number || ''),
    el('td', { 'data-outcome': call.outcome }, kit.label('outcome.' + call.outcome, call.outcome_label || call.outcome)),
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
  if (broadcast) card.append(await listeners(campaign));
  holder.replaceChildren(card);

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
