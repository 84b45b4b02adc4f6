// 系统设置 (admins, on the 线路与分机 page): the center's switches, each with what turning it
// on means, and who changed it last. Every change is audited by the server.
window.systemSettingsCard = async function (message, notice) {
  const body = el('tbody', { id: 'settings-table' });
  const name = (setting) => (i18n.language === 'en' ? setting.en : setting.zh);
  async function fill() {
    const settings = await api.get('/settings');
    body.replaceChildren(...settings.map((setting) => {
      const box = el('input', { type: 'checkbox', id: 'setting-' + setting.key, checked: setting.value });
      box.addEventListener('change', async () => {
        message.textContent = ''; notice.textContent = '';
        try {
          const saved = await api.patch('/settings/' + encodeURIComponent(setting.key), { value: box.checked });
          notice.textContent = t('settings.saved', { name: name(saved), value: t(saved.value ? 'settings.on' : 'settings.off') });
        } catch (e) { message.textContent = t('common.error', { message: e.message }); }
        await fill();
      });
      return el('tr', { 'data-setting': setting.key, 'data-value': String(setting.value) },
        el('td', {}, el('label', {}, box, el('span', {}, name(setting)))),
        el('td', { class: 'muted' }, setting.explanation),
        el('td', { class: 'muted' }, setting.changed_at
          ? t('settings.changed', { by: setting.changed_by || '', at: new Date(setting.changed_at).toLocaleString() })
          : t('settings.default')));
    }));
  }
  await fill();
  return el('div', { class: 'card', id: 'settings-card' }, el('h2', {}, t('settings.title')), el('table', {}, body));
};
