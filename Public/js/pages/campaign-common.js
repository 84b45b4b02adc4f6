// Helpers shared by the campaign pages (外呼任务, 座席工作台, 实时监控, 客户名单): labels that
// fall back to the server's own words, durations, file uploads, and recording playback.
window.campaignKit = (function () {

  // A translation, or `fallback` (usually the server's raw value) when there is none.
  function label(key, fallback) {
    const text = t(key);
    return text === key ? (fallback === undefined || fallback === null ? '' : String(fallback)) : text;
  }

  // 0:07 · 12:34 · 1:02:03, from seconds.
  function clock(seconds) {
    const total = Math.max(0, Math.floor(seconds));
    const h = Math.floor(total / 3600), m = Math.floor(total / 60) % 60, s = total % 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(s).padStart(2, '0');
  }

  // Time since an ISO date, as a clock.
  function since(iso) {
    if (!iso) return '';
    return clock((Date.now() - new Date(iso).getTime()) / 1000);
  }

  function rate(value) {
    return value === null || value === undefined ? '—' : (value * 100).toFixed(1) + '%';
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString() : '';
  }

  // A request with a raw body (a WAV file), answered with JSON; errors as api.ApiError.
  async function sendFile(method, path, file, contentType) {
    const response = await fetch('/api/v1' + path, {
      method, credentials: 'same-origin', headers: { 'Content-Type': contentType }, body: file,
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      if (response.status === 401 && window.waihu) window.waihu.showLogin();
      throw new api.ApiError(response.status, (data && data.reason) || response.statusText);
    }
    return data;
  }

  // The button that plays a call's recording: the audio is fetched with the session (the
  // server audits each access) and played from a blob: URL, which the CSP allows for media.
  function playButton(callID, message) {
    const holder = el('span', { class: 'recording', 'data-recording': callID });
    const button = el('button', { type: 'button', class: 'secondary', id: 'play-' + callID }, t('recording.play'));
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const response = await fetch('/api/v1/recordings/' + encodeURIComponent(callID), { credentials: 'same-origin' });
        if (!response.ok) {
          const data = await response.json().catch(() => null);
          throw new Error((data && data.reason) || response.statusText);
        }
        const url = URL.createObjectURL(await response.blob());
        const audio = el('audio', { controls: true, src: url, id: 'audio-' + callID });
        holder.replaceChildren(audio);
        audio.play().catch(() => { /* autoplay may be refused; the controls are there */ });
      } catch (e) {
        button.disabled = false;
        const text = t('recording.failed', { message: e.message });
        if (message) message.textContent = text; else button.title = text;
      }
    });
    holder.append(button);
    return holder;
  }

  function canHearRecordings() {
    const me = window.waihu && window.waihu.me;
    return Boolean(me && me.features.includes('recordings'));
  }

  // Why nothing is dialable: "不在呼叫时段 12 · 等待重拨时间 3".
  function shortage(campaign) {
    const info = campaign.shortage;
    if (!info || info.dialable > 0 || !info.reasons || info.reasons.length === 0) return null;
    return el('span', { class: 'shortage' },
      info.reasons.map((r) => el('span', { class: 'tag bad', 'data-reason': r.reason },
        label('shortage.' + r.reason, r.label || r.reason) + ' ' + r.leads)));
  }

  // "1.2% / 3%": today's abandon rate against the campaign's cap, red over the cap.
  function abandon(campaign) {
    const p = campaign.progress || {};
    const cap = campaign.plan && campaign.plan.abandon_cap ? campaign.plan.abandon_cap.rate : null;
    const over = cap !== null && p.abandon_rate !== null && p.abandon_rate !== undefined && p.abandon_rate > cap;
    return el('span', { class: over ? 'tag bad' : null, 'data-abandon': campaign.id },
      rate(p.abandon_rate) + (cap !== null && cap !== undefined ? ' / ' + rate(cap) : ''));
  }

  // "问卷完成 45 / 60 (75.0%)": a survey campaign's completed questionnaires against its
  // target (外呼问卷完成进度); null for a sales campaign, which has no target.
  function survey(campaign) {
    const p = campaign.progress || {};
    if (p.survey_target === null || p.survey_target === undefined) return null;
    const percent = p.survey_progress === null || p.survey_progress === undefined ? '—' : p.survey_progress.toFixed(1) + '%';
    return el('span', { 'data-survey': campaign.id },
      t('campaigns.surveyLine', { completed: p.survey_completed ?? 0, target: p.survey_target, percent }));
  }

  // Which commands make sense in each status (as CampaignStatus.after in the domain).
  const commandsByStatus = {
    draft: ['start'], stopped: ['start'], paused: ['resume', 'stop'], running: ['pause', 'stop'], finished: [],
  };

  return { get modes() { return vocabulary.values('dial_modes'); }, label, clock, since, rate, time, sendFile, playButton, canHearRecordings, shortage, abandon, survey, commandsByStatus };
})();
