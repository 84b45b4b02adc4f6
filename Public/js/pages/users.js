// 用户管理: list, add, change role and team, disable, reset password.
window.pages = window.pages || {};
window.pages.users = async function (root) {
  const roles = vocabulary.values('roles');
  const message = el('p', { class: 'error', id: 'users-message', role: 'alert' });
  const notice = el('p', { class: 'notice', id: 'users-notice' });
  const tableBody = el('tbody', { id: 'users-table' });
  let teams = [];

  function roleSelect(id, value) {
    return el('select', { id }, roles.map((r) => el('option', { value: r, selected: r === value }, t('role.' + r))));
  }
  function teamSelect(id, value) {
    return el('select', { id }, el('option', { value: '' }, t('users.noTeam')),
      teams.map((team) => el('option', { value: team.name, selected: team.name === value }, team.name)));
  }

  async function act(promise) {
    message.textContent = ''; notice.textContent = '';
    try { await promise; notice.textContent = t('users.saved'); await load(); }
    catch (e) { message.textContent = t('common.error', { message: e.message }); }
  }

  async function load() {
    const users = await api.get('/users');
    tableBody.replaceChildren(...users.map((user) => {
      const role = roleSelect('role-' + user.username, user.role);
      role.addEventListener('change', () => act(api.patch('/users/' + user.id, { role: role.value })));
      const team = teamSelect('team-' + user.username, user.team || '');
      team.addEventListener('change', () => act(api.patch('/users/' + user.id, { team: team.value })));
      return el('tr', { 'data-username': user.username },
        el('td', {}, user.username), el('td', {}, user.display_name), el('td', {}, role), el('td', {}, team),
        el('td', {}, el('span', { class: user.disabled ? 'tag bad' : 'tag' }, t(user.disabled ? 'users.disabled' : 'users.active'))),
        el('td', {},
          el('button', { class: 'secondary', type: 'button', onclick: () => act(api.patch('/users/' + user.id, { disabled: !user.disabled })) },
            t(user.disabled ? 'users.enable' : 'users.disable')), ' ',
          el('button', { class: 'secondary', type: 'button', onclick: () => {
            const password = prompt(t('users.newPassword'));
            if (password) act(api.patch('/users/' + user.id, { password }));
          } }, t('users.resetPassword'))));
    }));
  }

  teams = await api.get('/teams');
  const form = el('form', { class: 'inline-form', id: 'user-add-form' },
    el('label', {}, el('span', {}, t('users.username')), el('input', { id: 'new-username', required: true })),
    el('label', {}, el('span', {}, t('users.displayName')), el('input', { id: 'new-display-name' })),
    el('label', {}, el('span', {}, t('users.role')), roleSelect('new-role', 'agent')),
    el('label', {}, el('span', {}, t('users.team')), teamSelect('new-team', '')),
    el('label', {}, el('span', {}, t('users.password')), el('input', { id: 'new-password', type: 'password', required: true, minlength: 8 })),
    el('button', { type: 'submit', id: 'user-add-submit' }, t('common.create')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (id) => document.getElementById(id).value;
    act(api.post('/users', {
      username: value('new-username').trim(), display_name: value('new-display-name').trim(),
      role: value('new-role'), team: value('new-team') || undefined, password: value('new-password'),
    }).then(() => form.reset()));
  });

  root.append(
    el('div', { class: 'card' }, el('h2', {}, t('users.add')), form, message, notice),
    el('div', { class: 'card' }, el('h2', {}, t('users.title')),
      el('table', {}, el('thead', {}, el('tr', {},
        ['users.username', 'users.displayName', 'users.role', 'users.team', 'users.status', 'users.actions'].map((k) => el('th', {}, t(k))))),
      tableBody)));
  await load();
};
