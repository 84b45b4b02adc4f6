// The shell: login, navigation by the features the server grants the role, page routing by hash.
(function () {
  const pages = {
    home: { label: 'nav.home', render: renderHome },
    users: { label: 'nav.users', render: (root) => window.pages.users(root) },
    teams: { label: 'nav.teams', feature: 'users', render: (root) => window.pages.teams(root) },
    audit: { label: 'nav.audit', render: (root) => window.pages.audit(root) },
    telephony: { label: 'nav.telephony', render: (root) => window.pages.telephony(root) },
    reports: { label: 'nav.reports', feature: 'reports', render: (root) => window.pages.reports(root) },
    wallboard: { label: 'nav.wallboard', feature: 'wallboard', render: (root) => window.pages.wallboard(root) },
    imports: { label: 'nav.imports', feature: 'batches', render: (root) => window.pages.imports(root) },
    leads: { label: 'nav.leads', feature: 'leads', render: (root) => window.pages.leads(root) },
    batches: { label: 'nav.batches', feature: 'batches', render: (root) => window.pages.batches(root) },
    dnc: { label: 'nav.dnc', feature: 'dnc', render: (root) => window.pages.dnc(root) },
    announcements: { label: 'nav.announcements', feature: 'batches', render: (root) => window.pages.announcements(root) },
    campaigns: { label: 'nav.campaigns', feature: 'campaigns', render: (root) => window.pages.campaigns(root) },
    desktop: { label: 'nav.desktop', feature: 'desktop', render: (root) => window.pages.desktop(root) },
  };
  let me = null;

  function allowed(name) {
    if (name === 'home') return true;
    const feature = pages[name].feature || name;
    return me && me.features.includes(feature);
  }

  function showLogin() {
    me = null;
    document.getElementById('page').hidden = true;
    document.getElementById('login-view').hidden = false;
    document.getElementById('logout').hidden = true;
    document.getElementById('nav').replaceChildren();
    document.getElementById('whoami').textContent = '';
    document.getElementById('login-username').focus();
  }

  async function showApp() {
    me = await api.get('/auth/me');
    await vocabulary.load();
    document.getElementById('login-view').hidden = true;
    document.getElementById('page').hidden = false;
    document.getElementById('logout').hidden = false;
    document.getElementById('whoami').textContent = (me.display_name || me.username) + ' · ' + t('role.' + me.role);
    route();
  }

  function route() {
    if (!me) return;
    let name = location.hash.replace('#', '').split('?')[0] || 'home';
    if (!pages[name] || !allowed(name)) name = 'home';
    const nav = document.getElementById('nav');
    nav.replaceChildren(...Object.keys(pages).filter(allowed).map((key) =>
      el('a', { href: '#' + key, id: 'nav-' + key, class: key === name ? 'active' : null }, t(pages[key].label))));
    const root = document.getElementById('page');
    root.replaceChildren();
    pages[name].render(root);
  }

  function renderHome(root) {
    const card = el('div', { class: 'card' },
      el('h1', {}, t('home.welcome', { name: me.display_name || me.username })),
      el('p', {}, t('home.role', { role: t('role.' + me.role) })));
    if (me.features.length === 0) card.append(el('p', { class: 'muted' }, t('home.nothing')));
    root.append(card);
  }

  async function login(event) {
    event.preventDefault();
    const error = document.getElementById('login-error');
    error.textContent = '';
    try {
      await api.post('/auth/login', {
        username: document.getElementById('login-username').value.trim(),
        password: document.getElementById('login-password').value,
      });
      document.getElementById('login-password').value = '';
      await showApp();
    } catch (e) {
      error.textContent = e.status === 429 ? t('login.throttled') : e.status === 401 ? t('login.failed') : t('common.error', { message: e.message });
    }
  }

  async function logout() {
    try { await api.post('/auth/logout'); } catch (e) { /* already logged out */ }
    location.hash = '';
    showLogin();
  }

  window.waihu = { showLogin, route, get me() { return me; } };

  document.addEventListener('DOMContentLoaded', () => {
    i18n.apply();
    document.getElementById('login-form').addEventListener('submit', login);
    document.getElementById('logout').addEventListener('click', logout);
    document.getElementById('lang-switch').addEventListener('click', () => { i18n.toggle(); if (me) showApp(); });
    window.addEventListener('hashchange', route);
    showApp().catch(showLogin);
  });
})();
