// 提示音学习: the carrier announcements waihu recognises, teaching one from a WAV, and the
// inbox of calls that heard an announcement nobody taught yet (listen, pick the label, save).
// Supervisors see the list; admins and list managers teach and remove.
window.pages = window.pages || {};
window.pages.announcements = async function (root) {
  const teacher = ['admin', 'list_manager'].includes(window.waihu.me.role);
  const message = el('p', { class: 'error', id: 'announcement-message', role: 'alert' });
  const status = el('p', { class: 'muted', id: 'announcement-status' });
  const tableBody = el('tbody', { id: 'announcements-table' });
  const inboxBody = el('tbody', { id: 'announcement-inbox' });
  const inboxNote = el('p', { class: 'muted', id: 'announcement-inbox-note' });
  const labels = vocabulary.values('announcement_labels');
  const field = (key, input) => el('label', {}, el('span', {}, t(key)), input);
  const labelPicker = (attributes) => el('select', attributes, el('option', { value: '' }, t('announcements.pick')),
    labels.map((value) => el('option', { value }, t('cause.' + value))));

  // A refusal in red, a success in green, in the one message line.
  function say(text, ok) {
    message.className = ok ? 'notice' : 'error';
    message.textContent = text;
  }

  async function act(promise, done) {
    say('');
    try {
      const result = await promise;
      if (done) done(result);
      await Promise.all([loadLearned(), teacher ? loadInbox() : null]);
    } catch (e) {
      say(t('common.error', { message: e.message }));
    }
  }

  async function loadLearned() {
    const listing = await api.get('/announcements');
    status.textContent = listing.in_use ? t('announcements.inUse', { count: listing.in_use.ids.length }) : t('announcements.notInUse');
    if (listing.announcements.length === 0) {
      tableBody.replaceChildren(el('tr', {}, el('td', { colspan: '7', class: 'muted' }, t('announcements.none'))));
      return;
    }
    tableBody.replaceChildren(...listing.announcements.map((a) => {
      let remove = null;
      if (teacher) {
        remove = el('button', { type: 'button', class: 'link', 'data-remove': a.id }, t('announcements.remove'));
        remove.addEventListener('click', () => {
          if (confirm(t('announcements.confirmRemove', { name: a.name }))) act(lists.remove('/announcements/' + a.id));
        });
      }
      return el('tr', { 'data-announcement': a.id }, el('td', { 'data-label': a.label }, t('cause.' + a.label)), el('td', {}, a.carrier || ''),
        el('td', {}, a.name), el('td', {}, Number(a.duration_seconds).toFixed(1)), el('td', {}, a.created_by),
        el('td', {}, new Date(a.created_at).toLocaleString()), el('td', {}, remove));
    }));
  }

  async function loadInbox() {
    const inbox = await api.get('/announcements/unknown');
    inboxNote.textContent = t('announcements.inboxHelp', { days: inbox.retention_days });
    if (inbox.calls.length === 0) {
      inboxBody.replaceChildren(el('tr', {}, el('td', { colspan: '7', class: 'muted' }, t('announcements.inboxEmpty'))));
      return;
    }
    inboxBody.replaceChildren(...inbox.calls.map((call) => {
      const id = encodeURIComponent(call.call_id);
      // preload none: the audio is fetched (and the listening audited) only when played.
      const audio = el('audio', { controls: true, preload: 'none', src: '/api/v1/announcements/unknown/' + id + '/audio' });
      const label = labelPicker({ class: 'inbox-label' });
      const carrier = el('input', { class: 'inbox-carrier', placeholder: t('announcements.carrierHint'), size: '10' });
      const save = el('button', { type: 'button', class: 'inbox-save' }, t('announcements.save'));
      save.addEventListener('click', () => {
        if (!label.value) { say(t('announcements.pickFirst')); return; }
        act(api.post('/announcements/unknown/' + id, { label: label.value, carrier: carrier.value }),
          (learned) => say(t('announcements.learned', { name: learned.name }), true));
      });
      return el('tr', { 'data-call': call.call_id }, el('td', {}, new Date(call.recorded_at).toLocaleString()),
        el('td', {}, call.campaign || ''), el('td', {}, call.phone || ''), el('td', {}, call.evidence || ''),
        el('td', {}, audio), el('td', {}, label, ' ', carrier), el('td', {}, save));
    }));
  }

  const head = (keys) => el('thead', {}, el('tr', {}, keys.map((k) => el('th', {}, k ? t(k) : ''))));
  root.append(el('div', { class: 'card' }, el('h2', {}, t('announcements.title')), el('p', { class: 'muted' }, t('announcements.help')), status,
    el('table', {}, head(['announcements.label', 'announcements.carrier', 'announcements.name', 'announcements.seconds',
      'announcements.by', 'announcements.at', '']), tableBody)));

  if (teacher) {
    const form = el('form', { class: 'stack-form', id: 'announcement-form' },
      field('announcements.file', el('input', { type: 'file', id: 'announcement-file', name: 'file', accept: '.wav,audio/wav', required: true })),
      field('announcements.label', labelPicker({ id: 'announcement-label', name: 'label', required: true })),
      field('announcements.carrier', el('input', { id: 'announcement-carrier', name: 'carrier', placeholder: t('announcements.carrierHint') })),
      field('announcements.name', el('input', { id: 'announcement-name', name: 'name', placeholder: t('announcements.nameHint') })),
      el('button', { type: 'submit', id: 'announcement-submit' }, t('announcements.submit')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act(lists.upload('/announcements', new FormData(form)), (learned) => {
        form.reset();
        say(t('announcements.learned', { name: learned.name }), true);
      });
    });
    root.append(el('div', { class: 'card' }, el('h2', {}, t('announcements.learn')), form, message),
      el('div', { class: 'card' }, el('h2', {}, t('announcements.inbox')), inboxNote,
        el('table', {}, head(['announcements.callAt', 'announcements.campaign', 'announcements.phone', 'announcements.evidence',
          'announcements.audio', 'announcements.label', '']), inboxBody)));
  } else {
    root.append(message);
  }
  await Promise.all([loadLearned(), teacher ? loadInbox() : null]);
};
