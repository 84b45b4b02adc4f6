// The form that creates a campaign (外呼任务): batches, teams, trunk, caller ID, calling
// window, attempt limits, abandon cap, wrap-up, transfer keys, script, dispositions, the
// dialing order (拨打优先级), the list mix (名单配比), the personal-callback grace and the prompt. It sends a complete plan so the server never has to guess a half-filled key.
// 号码检测 (mode cleanse) is offered only when an admin allowed it (system setting cleanse_enabled),
// with its side effect spelled out.
window.campaignForm = async function ({ onCreate, message }) {
  const kit = window.campaignKit;
  // The renewal team's defaults, as CampaignDisposition.renewalDefaults in the domain.
  const defaultDispositions = [
    ['success', '成功续保', 'success'], ['callback', '预约回拨', 'callback'], ['undecided', '犹豫考虑', 'undecided'],
    ['too_expensive', '嫌贵拒绝', 'refusal'], ['renewed_elsewhere', '已在他司续保', 'already_covered'],
    ['wrong_party', '非本人', 'wrong_party'], ['invalid_number', '号码错误', 'invalid_number'], ['do_not_call', '要求勿扰', 'do_not_call'],
  ];
  const categories = vocabulary.values('disposition_categories');

  // What the supervisor may list: batches and teams for admin and supervisor; trunks are
  // administrator-only, so a supervisor types the trunk's name.
  const [batches, teams, trunks, settings] = await Promise.all([
    api.get('/batches').catch(() => null), api.get('/teams').catch(() => null), api.get('/trunks').catch(() => null),
    api.get('/settings').catch(() => []),
  ]);
  const cleanseAllowed = settings.some((s) => s.key === 'cleanse_enabled' && s.value);

  const field = (key, input, extra) => el('label', extra || {}, el('span', {}, t(key)), input);
  // A titled group of several controls: a <label> would send a click on its text to the first button.
  const group = (key, controls, extra) => el('div', Object.assign({ class: 'field' }, extra || {}), el('span', {}, t(key)), controls);
  const checks = (id, names, hint) => names === null
    ? el('input', { id, placeholder: hint })
    : el('div', { id, class: 'checks' }, names.length === 0 ? el('span', { class: 'muted' }, t('campaigns.noneToPick')) : null,
      names.map((name, index) => el('label', { class: 'check' },
        el('input', { type: 'checkbox', value: name, id: id + '-' + index, 'data-name': name }), ' ', name)));
  const picked = (node) => node.tagName === 'INPUT'
    ? node.value.split(/[,，]/).map((s) => s.trim()).filter(Boolean)
    : [...node.querySelectorAll('input:checked')].map((box) => box.value);

  const name = el('input', { id: 'campaign-name', required: true, maxlength: 60 });
  const mode = el('select', { id: 'campaign-mode' }, kit.modes.filter((m) => m !== 'cleanse' || cleanseAllowed)
    .map((m) => el('option', { value: m, selected: m === 'progressive' }, t('campaigns.mode.' + m))));
  const cleanseWarning = el('p', { id: 'campaign-cleanse-warning', class: 'notice wide' }, t('campaigns.cleanseWarning'));
  const batchPick = checks('campaign-batches', batches && batches.map((b) => b.name), t('campaigns.namesHint'));
  const teamPick = checks('campaign-teams', teams && teams.map((x) => x.name), t('campaigns.namesHint'));
  const trunk = trunks === null
    ? el('input', { id: 'campaign-trunk' })
    : el('select', { id: 'campaign-trunk' }, el('option', { value: '' }, t('campaigns.defaultTrunk')),
      trunks.filter((x) => x.enabled).map((x) => el('option', { value: x.name }, x.name)));
  const callerID = el('input', { id: 'campaign-caller-id', pattern: '\\+?[0-9]{3,20}' });
  const clockPattern = '([01]?[0-9]|2[0-3]):[0-5][0-9]|24:00';
  const opens = el('input', { id: 'campaign-opens', value: '09:00', pattern: clockPattern, required: true });
  const closes = el('input', { id: 'campaign-closes', value: '21:00', pattern: clockPattern, required: true });
  const perLead = el('input', { id: 'campaign-max-per-lead', type: 'number', min: 1, max: 50, value: 6 });
  const perDay = el('input', { id: 'campaign-max-per-day', type: 'number', min: 1, max: 20, value: 3 });
  const cap = el('input', { id: 'campaign-abandon-cap', type: 'number', min: 0, max: 5, step: 0.1, value: 3 });
  const wrapUp = el('input', { id: 'campaign-wrap-up', type: 'number', min: 0, max: 3600, value: 60 });
  // Empty: a sales project; a number: a survey (问卷 / 回访) project with this many questionnaires to complete.
  const surveyTarget = el('input', { id: 'campaign-survey-target', type: 'number', min: 1, placeholder: t('campaigns.surveyTargetHint') });
  const digits = el('input', { id: 'campaign-transfer-digits', value: '1', pattern: '[0-9*#]{1,4}' });
  const script = el('textarea', { id: 'campaign-script', rows: 4, placeholder: t('campaigns.scriptHint',
    { name: '{name}', agent: '{agent}', car_model: '{car_model}', plate: '{plate}', renewal_date: '{renewal_date}' }) });
  const refusalDNC = el('input', { id: 'campaign-refusal-dnc', type: 'checkbox' });
  const promptFile = el('input', { id: 'campaign-prompt', type: 'file', accept: '.wav,audio/wav' });
  const grace = el('input', { id: 'campaign-callback-grace', type: 'number', min: 0, max: 1440, value: 10 });

  // 拨打优先级: the server's priority keys, listed in the plan's default order; the supervisor
  // moves a key up or down and the plan gets the keys in the order shown.
  const orderKeys = vocabulary.values('lead_priority_keys');
  const order = el('ol', { id: 'campaign-lead-order', class: 'lead-order' });
  const move = (item, up) => {
    const other = up ? item.previousElementSibling : item.nextElementSibling;
    if (other) (up ? other.before(item) : other.after(item));
  };
  function resetOrder() {
    order.replaceChildren(...orderKeys.map((key) => {
      const item = el('li', { 'data-key': key }, el('span', {}, kit.label('campaigns.orderKey.' + key, key)), ' ');
      item.append(
        el('button', { type: 'button', class: 'secondary', id: 'campaign-order-up-' + key, title: t('campaigns.moveUp'), onclick: () => move(item, true) }, '↑'),
        el('button', { type: 'button', class: 'secondary', id: 'campaign-order-down-' + key, title: t('campaigns.moveDown'), onclick: () => move(item, false) }, '↓'));
      return item;
    }));
  }
  resetOrder();

  // 名单配比: a share for each batch ticked above; shares typed survive re-ticking. All empty
  // sends no mix; with a mix, a batch left empty is not in it (ListMix dials only listed batches).
  const mixBox = el('div', { id: 'campaign-list-mix', class: 'checks' });
  const shares = {};
  function showMix() {
    const names = picked(batchPick);
    mixBox.replaceChildren(...(names.length === 0 ? [el('span', { class: 'muted' }, t('campaigns.listMixNone'))]
      : names.map((batch) => {
        const share = el('input', { type: 'number', min: 0, class: 'mix-share', 'data-batch': batch, value: shares[batch] || '', style: 'width: 5em' });
        share.addEventListener('input', () => { shares[batch] = share.value; });
        return el('label', { class: 'check' }, batch, ' ', share);
      })));
  }
  batchPick.addEventListener(batchPick.tagName === 'INPUT' ? 'input' : 'change', showMix);
  const dispositionRows = el('tbody', { id: 'campaign-dispositions' });

  function dispositionRow(code, text, category) {
    const line = el('tr', { class: 'disposition-row' },
      el('td', {}, el('input', { class: 'd-code', value: code, required: true, pattern: '[a-z0-9_]{1,40}' })),
      el('td', {}, el('input', { class: 'd-label', value: text, required: true })),
      el('td', {}, el('select', { class: 'd-category' }, categories.map((c) =>
        el('option', { value: c, selected: c === category }, kit.label('category.' + c, c))))),
      el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: () => line.remove() }, t('campaigns.remove'))));
    return line;
  }
  function resetDispositions() {
    dispositionRows.replaceChildren(...defaultDispositions.map((d) => dispositionRow(...d)));
  }
  resetDispositions();

  // Broadcast campaigns have a prompt and transfer keys; agent campaigns have a script,
  // dispositions and wrap-up; a number check has neither, and a warning.
  const broadcastOnly = [field('campaigns.transferDigits', digits), field('campaigns.prompt', promptFile)];
  const agentOnly = [];
  const usesAgents = () => mode.value !== 'broadcast' && mode.value !== 'cleanse';
  function showByMode() {
    const broadcast = mode.value === 'broadcast';
    broadcastOnly.forEach((node) => { node.hidden = !broadcast; });
    agentOnly.forEach((node) => { node.hidden = !usesAgents(); });
    cleanseWarning.hidden = mode.value !== 'cleanse';
  }
  mode.addEventListener('change', showByMode);

  const minutes = (text) => {
    const [h, m] = text.split(':').map(Number);
    return h * 60 + m;
  };

  const dispositionBlock = el('div', { class: 'dispositions' },
    el('h4', {}, t('campaigns.dispositions')),
    el('table', {}, el('thead', {}, el('tr', {}, ['campaigns.code', 'campaigns.label', 'campaigns.category', ''].map((k) => el('th', {}, k ? t(k) : '')))),
      dispositionRows),
    el('p', {},
      el('button', { type: 'button', class: 'secondary', id: 'campaign-disposition-add', onclick: () => dispositionRows.append(dispositionRow('', '', 'other')) },
        t('campaigns.addDisposition')), ' ',
      el('button', { type: 'button', class: 'secondary', onclick: resetDispositions }, t('campaigns.defaultDispositions'))),
    el('label', { class: 'check' }, refusalDNC, ' ', t('campaigns.refusalDNC')));
  const scriptBlock = field('campaigns.script', script, { class: 'wide' });
  const wrapUpBlock = field('campaigns.wrapUp', wrapUp);
  const surveyBlock = field('campaigns.surveyTarget', surveyTarget);
  agentOnly.push(dispositionBlock, scriptBlock, wrapUpBlock, surveyBlock);

  const form = el('form', { id: 'campaign-form' },
    el('div', { class: 'stack-form' },
      field('campaigns.name', name), field('campaigns.modeTitle', mode), field('campaigns.trunk', trunk),
      field('campaigns.callerID', callerID), field('campaigns.opens', opens), field('campaigns.closes', closes),
      field('campaigns.maxPerLead', perLead), field('campaigns.maxPerDay', perDay), field('campaigns.abandonCap', cap),
      wrapUpBlock, surveyBlock, ...broadcastOnly, cleanseWarning),
    el('div', { class: 'stack-form' }, field('campaigns.batches', batchPick), field('campaigns.teams', teamPick)),
    el('div', { class: 'stack-form' }, group('campaigns.leadOrder', order),
      group('campaigns.listMix', mixBox, { title: t('campaigns.listMixHint') }), field('campaigns.callbackGrace', grace)),
    scriptBlock, dispositionBlock,
    el('button', { type: 'submit', id: 'campaign-submit' }, t('common.create')));
  showByMode();
  showMix();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const broadcast = mode.value === 'broadcast';
    const agents = usesAgents();
    const dispositions = [...dispositionRows.querySelectorAll('tr')].map((line) => ({
      code: line.querySelector('.d-code').value.trim(), label: line.querySelector('.d-label').value.trim(),
      category: line.querySelector('.d-category').value,
    }));
    if (agents && dispositions.length === 0) { message.textContent = t('campaigns.needDispositions'); return; }
    const plan = {
      mode: mode.value,
      gate: {
        window: { opens_at_minute: minutes(opens.value), closes_at_minute: minutes(closes.value), holidays: [] },
        attempts: {
          max_attempts_per_lead: Number(perLead.value), max_attempts_per_day: Number(perDay.value),
          retry: { busy: 600, no_answer: 7200, machine: 14400, network_failure: 300 },
        },
      },
      abandon_cap: { rate: Number(cap.value) / 100, connect_grace: 2 },
      wrap_up_seconds: Number(wrapUp.value),
      transfer_digits: digits.value.trim() || '1',
      script: script.value,
      dispositions: dispositions.length ? dispositions : undefined,
      refusal_adds_to_dnc: refusalDNC.checked,
      survey_target: agents && surveyTarget.value.trim() ? Number(surveyTarget.value) : undefined,
      lead_order: [...order.children].map((item) => item.dataset.key),
      list_mix: Object.fromEntries([...mixBox.querySelectorAll('.mix-share')].filter((share) => share.value.trim() !== '')
        .map((share) => [share.dataset.batch, Number(share.value)])),
      callback_grace_minutes: grace.value.trim() === '' ? 10 : Number(grace.value),
    };
    const body = {
      name: name.value.trim(), plan, batches: picked(batchPick), teams: picked(teamPick),
      trunk: trunk.value.trim() || undefined, caller_id: callerID.value.trim() || undefined,
    };
    const file = broadcast && promptFile.files.length ? promptFile.files[0] : null;
    if (await onCreate(body, file)) {
      form.reset(); resetDispositions(); resetOrder(); Object.keys(shares).forEach((batch) => delete shares[batch]); showMix(); showByMode();
    }
  });
  return form;
};
