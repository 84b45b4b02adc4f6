// 线路与分机: SIP trunks and agent phones with their registration, add/edit/remove, a test call, and the system settings.
// Passwords are write-only: the forms send them, the lists never show them.
window.pages = window.pages || {};
window.pages.telephony = async function (root) {
  const message = el('p', { class: 'error', id: 'telephony-message', role: 'alert' });
  const notice = el('p', { class: 'notice', id: 'telephony-notice' });
  const trunkBody = el('tbody', { id: 'trunks-table' });
  const phoneBody = el('tbody', { id: 'phones-table' });
  const callResult = el('pre', { id: 'test-call-result' });
  let trunks = [];
  let phones = [];

  async function act(promise, done) {
    message.textContent = ''; notice.textContent = '';
    try { await promise; notice.textContent = done || t('telephony.saved'); await load(); }
    catch (e) { message.textContent = t('common.error', { message: e.message }); }
  }
  const value = (id) => document.getElementById(id).value.trim();
  const number = (id) => { const v = value(id); return v === '' ? undefined : Number(v); };
  const field = (label, input) => el('label', {}, el('span', {}, t(label)), input);

  function trunkRow(trunk) {
    const edit = () => {
      const ring = prompt(t('telephony.ringTimeout'), String(trunk.ring_timeout));
      if (ring === null) return;
      const callerID = prompt(t('telephony.callerID'), trunk.caller_id);
      if (callerID === null) return;
      act(api.patch('/trunks/' + encodeURIComponent(trunk.name), { ring_timeout: Number(ring), caller_id: callerID.trim() }));
    };
    return el('tr', { 'data-trunk': trunk.name },
      el('td', {}, trunk.name), el('td', {}, trunk.host + ':' + trunk.port), el('td', {}, trunk.username || ''),
      el('td', {}, trunk.caller_id), el('td', {}, String(trunk.max_concurrent)), el('td', {}, String(trunk.max_cps)),
      el('td', {}, trunk.ring_timeout + 's'),
      el('td', {}, el('span', { class: trunk.enabled ? 'tag' : 'tag bad' }, t(trunk.enabled ? 'telephony.enabled' : 'telephony.disabled'))),
      el('td', {},
        el('button', { class: 'secondary', type: 'button', onclick: edit }, t('telephony.edit')), ' ',
        el('button', { class: 'secondary', type: 'button', onclick: () =>
          act(api.patch('/trunks/' + encodeURIComponent(trunk.name), { enabled: !trunk.enabled })) },
          t(trunk.enabled ? 'telephony.disable' : 'telephony.enable')), ' ',
        el('button', { class: 'secondary', type: 'button', onclick: () => {
          const password = prompt(t('telephony.newPassword'));
          if (password) act(api.patch('/trunks/' + encodeURIComponent(trunk.name), { password }));
        } }, t('telephony.setPassword')), ' ',
        el('button', { class: 'secondary', type: 'button', onclick: () => {
          if (confirm(t('telephony.confirmRemove', { name: trunk.name }))) act(api.del('/trunks/' + encodeURIComponent(trunk.name)));
        } }, t('telephony.remove'))));
  }

  function phoneRow(phone) {
    const registration = phone.registered
      ? t('telephony.registeredFrom', { source: phone.source, until: new Date(phone.expires_at).toLocaleTimeString() })
      : t('telephony.notRegistered');
    return el('tr', { 'data-extension': phone.extension },
      el('td', {}, phone.extension), el('td', {}, phone.agent || ''),
      el('td', {}, el('span', { class: phone.registered ? 'tag' : 'tag bad' }, registration)),
      el('td', {}, phone.user_agent || ''),
      el('td', {},
        el('button', { class: 'secondary', type: 'button', onclick: () => {
          const agent = prompt(t('telephony.agentPrompt'), phone.agent || '');
          if (agent !== null) act(api.patch('/phones/' + phone.extension, { agent: agent.trim() }));
        } }, t('telephony.setAgent')), ' ',
        el('button', { class: 'secondary', type: 'button', onclick: () => {
          const password = prompt(t('telephony.newPassword'));
          if (password) act(api.patch('/phones/' + phone.extension, { password }));
        } }, t('telephony.setPassword')), ' ',
        el('button', { class: 'secondary', type: 'button', onclick: () => {
          if (confirm(t('telephony.confirmRemove', { name: phone.extension }))) act(api.del('/phones/' + phone.extension));
        } }, t('telephony.remove'))));
  }

  const trunkSelect = el('select', { id: 'test-trunk' });
  const phoneSelect = el('select', { id: 'test-agent' });

  async function load() {
    [trunks, phones] = await Promise.all([api.get('/trunks'), api.get('/phones')]);
    trunkBody.replaceChildren(...trunks.map(trunkRow));
    phoneBody.replaceChildren(...phones.map(phoneRow));
    trunkSelect.replaceChildren(...trunks.filter((x) => x.enabled).map((x) => el('option', { value: x.name }, x.name)));
    phoneSelect.replaceChildren(...phones.filter((x) => x.registered).map((x) => el('option', { value: x.extension }, x.extension)));
  }

  const trunkForm = el('form', { class: 'inline-form', id: 'trunk-add-form' },
    field('telephony.name', el('input', { id: 'trunk-name', required: true, maxlength: 40 })),
    field('telephony.host', el('input', { id: 'trunk-host', required: true, placeholder: '192.0.2.10' })),
    field('telephony.port', el('input', { id: 'trunk-port', type: 'number', min: 1, max: 65535, value: 5060 })),
    field('telephony.username', el('input', { id: 'trunk-username', autocomplete: 'off' })),
    field('telephony.password', el('input', { id: 'trunk-password', type: 'password', autocomplete: 'new-password' })),
    field('telephony.callerID', el('input', { id: 'trunk-caller-id' })),
    field('telephony.maxConcurrent', el('input', { id: 'trunk-max-concurrent', type: 'number', min: 1, value: 30 })),
    field('telephony.maxCPS', el('input', { id: 'trunk-max-cps', type: 'number', min: 1, value: 10 })),
    field('telephony.ringTimeout', el('input', { id: 'trunk-ring-timeout', type: 'number', min: 5, max: 300, value: 30 })),
    el('button', { type: 'submit', id: 'trunk-add-submit' }, t('common.create')));
  trunkForm.addEventListener('submit', (event) => {
    event.preventDefault();
    act(api.post('/trunks', {
      name: value('trunk-name'), host: value('trunk-host'), port: number('trunk-port'),
      username: value('trunk-username') || undefined, password: document.getElementById('trunk-password').value || undefined,
      caller_id: value('trunk-caller-id'), max_concurrent: number('trunk-max-concurrent'), max_cps: number('trunk-max-cps'),
      ring_timeout: number('trunk-ring-timeout'),
    }).then(() => trunkForm.reset()));
  });

  const phoneForm = el('form', { class: 'inline-form', id: 'phone-add-form' },
    field('telephony.extension', el('input', { id: 'phone-extension', required: true, pattern: '[0-9]{2,10}' })),
    field('telephony.password', el('input', { id: 'phone-password', type: 'password', required: true, minlength: 8, autocomplete: 'new-password' })),
    field('telephony.agent', el('input', { id: 'phone-agent' })),
    el('button', { type: 'submit', id: 'phone-add-submit' }, t('common.create')));
  phoneForm.addEventListener('submit', (event) => {
    event.preventDefault();
    act(api.post('/phones', {
      extension: value('phone-extension'), password: document.getElementById('phone-password').value,
      agent: value('phone-agent') || undefined,
    }).then(() => phoneForm.reset()));
  });

  // 测试呼叫: the server calls the number and bridges it to the chosen registered phone.
  const callForm = el('form', { class: 'inline-form', id: 'test-call-form' },
    field('telephony.callTo', el('input', { id: 'test-to', required: true, pattern: '\\+?[0-9]{3,20}' })),
    field('telephony.trunk', trunkSelect), field('telephony.agentPhone', phoneSelect),
    el('label', {}, el('input', { id: 'test-record', type: 'checkbox' }), el('span', {}, t('telephony.record'))),
    el('button', { type: 'submit', id: 'test-call-submit' }, t('telephony.testCall')));
  callForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = ''; callResult.textContent = t('telephony.calling');
    try {
      const reply = await api.post('/calls/test', {
        to: value('test-to'), trunk: trunkSelect.value || undefined, agent: phoneSelect.value,
        record: document.getElementById('test-record').checked,
      });
      callResult.textContent = JSON.stringify(reply, null, 2);
    } catch (e) {
      callResult.textContent = '';
      message.textContent = t('common.error', { message: e.message });
    }
  });

  const table = (keys, body) => el('table', {}, el('thead', {}, el('tr', {}, keys.map((k) => el('th', {}, t(k))))), body);
  root.append(
    el('div', { class: 'card' }, el('h2', {}, t('telephony.trunks')),
      table(['telephony.name', 'telephony.address', 'telephony.username', 'telephony.callerID', 'telephony.maxConcurrent',
        'telephony.maxCPS', 'telephony.ringTimeout', 'telephony.status', 'telephony.actions'], trunkBody),
      el('h3', {}, t('telephony.addTrunk')), trunkForm),
    el('div', { class: 'card' }, el('h2', {}, t('telephony.phones')),
      table(['telephony.extension', 'telephony.agent', 'telephony.registration', 'telephony.userAgent', 'telephony.actions'], phoneBody),
      el('h3', {}, t('telephony.addPhone')), phoneForm),
    el('div', { class: 'card' }, el('h2', {}, t('telephony.testCall')), callForm, callResult),
    await window.systemSettingsCard(message, notice),
    message, notice);
  await load();
};
