// 实时监控: today's figures per team and agent, pushed by the server (server-sent events).
window.pages = window.pages || {};
window.pages.wallboard = function (root) {
  if (window.waihuLiveSource) window.waihuLiveSource.close();
  const status = el('p', { class: 'muted', id: 'wallboard-status' }, t('wallboard.connecting'));
  const teams = el('table', { id: 'wallboard-teams', class: 'report' });
  const agents = el('table', { id: 'wallboard-agents', class: 'report' });
  root.append(
    el('div', { class: 'card' }, el('h2', {}, t('wallboard.title')), status),
    el('div', { class: 'card scroll' }, el('h3', {}, t('wallboard.teams')), teams),
    el('div', { class: 'card scroll' }, el('h3', {}, t('wallboard.agents')), agents));
  // Agents' live states and the campaigns (wallboard-desk.js), read again on every push.
  const desk = window.wallboardDesk(root);
  desk.refresh();

  function fill(tableNode, columns, rows, total, keyTitle) {
    const head = el('tr', {}, el('th', {}, keyTitle), columns.map((c) => el('th', { title: c.english_title }, c.title)));
    const line = (row, cls) => el('tr', { class: cls, 'data-key': row.key }, el('td', {}, row.label),
      columns.map((c) => el('td', { class: 'num', 'data-column': c.id }, reportFormat(row.values[c.id], c.unit))));
    const body = rows.map((r) => line(r, null));
    if (total) body.push(line(total, 'total'));
    tableNode.replaceChildren(el('thead', {}, head), el('tbody', {}, body));
  }

  const day = new URLSearchParams(location.search).get('day');
  const source = new EventSource('/api/v1/live/stream' + (day ? '?day=' + encodeURIComponent(day) : ''));
  window.waihuLiveSource = source;
  source.addEventListener('figures', (event) => {
    if (!root.isConnected) { source.close(); return; }
    const figures = JSON.parse(event.data);
    status.textContent = t('wallboard.updated', { day: figures.day, at: new Date(figures.at).toLocaleTimeString() });
    fill(teams, figures.columns, figures.teams, figures.total, t('reports.group.team'));
    fill(agents, figures.columns, figures.agents, null, t('reports.group.agent'));
    desk.refresh();
  });
  source.onerror = () => { if (!root.isConnected) source.close(); else status.textContent = t('wallboard.reconnecting'); };
  window.addEventListener('hashchange', () => source.close(), { once: true });
};
