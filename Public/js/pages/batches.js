// 批次与来源: what each batch and source cost and how good its leads are: the import's
// rejects, and once called, 无效率 (the dialled leads found invalid) with its causes
// (空号 3 · 关机 1 …), contact and success rates.
window.pages = window.pages || {};
window.pages.batches = async function (root) {
  const [batches, sources] = await Promise.all([api.get('/batches'), api.get('/sources')]);
  const head = (keys) => el('thead', {}, el('tr', {}, keys.map((k) => el('th', {}, t(k)))));
  // The causes with leads, in the vocabulary's order: "空号 3 · 关机 1".
  const causes = (counts) => vocabulary.values('invalid_lead_causes').filter((cause) => (counts || {})[cause] > 0)
    .map((cause) => el('span', { 'data-cause': cause }, t('invalidCause.' + cause) + ' ' + counts[cause]))
    .flatMap((span, index) => (index === 0 ? [span] : [' · ', span]));
  const invalid = (line) => [el('td', { class: 'num' }, line.dialled), el('td', { class: 'num', 'data-invalid': line.invalid_leads },
    lists.rate(line.invalid_lead_rate)), el('td', { class: 'causes' }, causes(line.invalid_by_cause))];
  root.append(
    el('div', { class: 'card' }, el('h2', {}, t('batches.sources')),
      el('table', { id: 'sources-table' }, head(['batches.source', 'batches.price', 'batches.batches', 'batches.rows', 'batches.leads', 'batches.cost',
        'batches.invalidRate', 'batches.duplicateRate', 'batches.dialled', 'batches.invalidLeadRate', 'batches.invalidCauses',
        'batches.contactRate', 'batches.successRate', 'batches.costPerSuccess']),
      el('tbody', {}, sources.map((s) => el('tr', { 'data-source': s.name }, el('td', {}, s.name), el('td', {}, lists.money(s.default_price)), el('td', {}, s.batches),
        el('td', {}, s.rows), el('td', {}, s.leads), el('td', {}, lists.money(s.cost)), el('td', {}, lists.rate(s.invalid_rate)),
        el('td', {}, lists.rate(s.duplicate_rate)), invalid(s), el('td', {}, lists.rate(s.contact_rate)), el('td', {}, lists.rate(s.success_rate)),
        el('td', {}, lists.money(s.cost_per_success))))))),
    el('div', { class: 'card' }, el('h2', {}, t('batches.title')),
      el('table', { id: 'batches-table' }, head(['batches.batch', 'batches.source', 'batches.importedAt', 'batches.rows', 'batches.leads', 'batches.price',
        'batches.cost', 'batches.invalidRate', 'batches.duplicateRate', 'batches.dnc', 'batches.dialled', 'batches.invalidLeadRate',
        'batches.invalidCauses', 'batches.contactRate', 'batches.teams']),
      el('tbody', {}, batches.map((b) => el('tr', { 'data-batch': b.name }, el('td', {}, b.name), el('td', {}, b.source),
        el('td', {}, new Date(b.imported_at).toLocaleString()), el('td', {}, b.rows), el('td', {}, b.leads), el('td', {}, lists.money(b.cost_per_lead)),
        el('td', {}, lists.money(b.cost)), el('td', {}, lists.rate(b.invalid_rate)), el('td', {}, lists.rate(b.duplicate_rate)), el('td', {}, b.dnc),
        invalid(b), el('td', {}, lists.rate(b.contact_rate)), el('td', {}, b.teams.join(', '))))))),
    el('p', { class: 'muted' }, t('batches.note')));
};
