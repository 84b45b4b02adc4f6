// 班组: teams and their leaders.
window.pages = window.pages || {};
window.pages.teams = async function (root) {
  const message = el('p', { class: 'error', id: 'teams-message', role: 'alert' });
  const tableBody = el('tbody', { id: 'teams-table' });
  let leaders = [];

  function leaderSelect(id, value) {
    return el('select', { id }, el('option', { value: '' }, t('users.noTeam')),
      leaders.map((u) => el('option', { value: u.username, selected: u.username === value }, u.display_name || u.username)));
  }

  async function act(promise) {
    message.textContent = '';
    try { await promise; await load(); } catch (e) { message.textContent = t('common.error', { message: e.message }); }
  }

  async function load() {
    const teams = await api.get('/teams');
    tableBody.replaceChildren(...teams.map((team) => {
      const leader = leaderSelect('leader-' + team.name, team.leader || '');
      leader.addEventListener('change', () => act(api.patch('/teams/' + team.id, { leader: leader.value })));
      return el('tr', { 'data-team': team.name }, el('td', {}, team.name), el('td', {}, leader), el('td', {}, team.members));
    }));
  }

  leaders = (await api.get('/users')).filter((u) => !u.disabled && (u.role === 'supervisor' || u.role === 'admin'));
  const form = el('form', { class: 'inline-form', id: 'team-add-form' },
    el('label', {}, el('span', {}, t('teams.name')), el('input', { id: 'new-team-name', required: true })),
    el('label', {}, el('span', {}, t('teams.leader')), leaderSelect('new-team-leader', '')),
    el('button', { type: 'submit' }, t('common.create')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(api.post('/teams', { name: document.getElementById('new-team-name').value.trim(),
      leader: document.getElementById('new-team-leader').value || undefined }).then(() => form.reset()));
  });
  root.append(
    el('div', { class: 'card' }, el('h2', {}, t('teams.add')), form, message),
    el('div', { class: 'card' }, el('h2', {}, t('teams.title')),
      el('table', {}, el('thead', {}, el('tr', {}, ['teams.name', 'teams.leader', 'teams.members'].map((k) => el('th', {}, t(k))))), tableBody)));
  await load();
};
