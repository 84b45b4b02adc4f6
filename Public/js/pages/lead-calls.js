// The calls of one lead on 客户名单 (GET /leads/:id/calls): each attempt with its outcome,
// agent and length, a play button for its recording when the user's role may hear
// recordings, and the dispositions agents saved with their notes.
window.leadCalls = function (answer, message) {
  const kit = window.campaignKit;
  const calls = (answer && answer.calls) || [];
  const dispositions = ((answer && answer.history) || []).filter((h) => h.disposition);
  const hear = kit.canHearRecordings();
  const keys = ['leads.calls.at', 'leads.calls.outcome', 'leads.calls.cause', 'leads.calls.evidence', 'leads.calls.agent', 'leads.calls.talk', 'leads.calls.digits',
    hear ? 'leads.calls.recording' : null].filter(Boolean);
  const rows = calls.map((call) => el('tr', { 'data-call': call.call_id },
    el('td', {}, kit.time(call.placed_at)),
    el('td', { 'data-outcome': call.outcome }, kit.label('outcome.' + call.outcome, call.outcome_label || call.outcome)),
    el('td', { 'data-cause': call.cause || '' }, call.cause ? kit.label('cause.' + call.cause, call.cause_label) : ''),
    el('td', { class: 'muted evidence' }, call.evidence || ''),
    el('td', {}, call.agent || ''),
    el('td', { class: 'num' }, kit.clock(call.talk_s || call.listened_s || 0)),
    el('td', {}, call.digits || ''),
    hear ? el('td', {}, call.recording ? kit.playButton(call.call_id, message) : '') : null));
  if (calls.length === 0) rows.push(el('tr', {}, el('td', { colspan: keys.length, class: 'muted' }, t('leads.calls.none'))));
  const dispositionKeys = ['leads.calls.at', 'leads.calls.agent', 'leads.calls.disposition', 'leads.calls.note'];
  return el('div', { class: 'scroll' },
    el('h3', {}, t('leads.calls')),
    el('table', { id: 'lead-calls' }, el('thead', {}, el('tr', {}, keys.map((k) => el('th', {}, t(k))))), el('tbody', {}, rows)),
    dispositions.length === 0 ? null : [
      el('h3', {}, t('leads.calls.dispositions')),
      el('table', { id: 'lead-dispositions' }, el('thead', {}, el('tr', {}, dispositionKeys.map((k) => el('th', {}, t(k))))),
        el('tbody', {}, dispositions.map((h) => el('tr', {}, el('td', {}, kit.time(h.at)), el('td', {}, h.agent || ''),
          el('td', {}, h.disposition), el('td', {}, h.note || ''))))),
    ]);
};
