// The calls of one lead on 客户名单: each attempt with its outcome, agent and disposition,
// and a play button for its recording when the user's role may hear recordings.
window.leadCalls = function (calls, message) {
  const kit = window.campaignKit;
  const hear = kit.canHearRecordings();
  const keys = ['leads.calls.at', 'leads.calls.campaign', 'leads.calls.outcome', 'leads.calls.agent', 'leads.calls.disposition',
    'leads.calls.note', 'leads.calls.talk', hear ? 'leads.calls.recording' : null].filter(Boolean);
  const rows = calls.map((call) => el('tr', { 'data-call': call.call_id },
    el('td', {}, kit.time(call.placed_at || call.at || call.started_at)),
    el('td', {}, call.campaign_name || (call.campaign && (call.campaign.name || call.campaign)) || ''),
    el('td', {}, kit.label('outcome.' + call.outcome, call.outcome), call.abandoned ? ' ' + t('campaigns.abandoned') : ''),
    el('td', {}, call.agent || ''),
    el('td', { 'data-disposition': call.disposition || '' }, call.disposition_label || call.disposition || ''),
    el('td', {}, call.note || ''),
    el('td', { class: 'num' }, kit.clock(call.talk_seconds || call.listened_seconds || 0)),
    hear ? el('td', {}, call.has_recording || call.recording ? kit.playButton(call.call_id, message) : '') : null));
  if (calls.length === 0) rows.push(el('tr', {}, el('td', { colspan: keys.length, class: 'muted' }, t('leads.calls.none'))));
  return el('div', { class: 'scroll' }, el('h3', {}, t('leads.calls')),
    el('table', { id: 'lead-calls' }, el('thead', {}, el('tr', {}, keys.map((k) => el('th', {}, t(k))))), el('tbody', {}, rows)));
};
