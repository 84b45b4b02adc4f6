/// 无效数据 (invalid data): a lead whose number was found not to reach the customer. The one
/// definition behind 无效数据总量 and 无效数据比率 (无效率) in every report, the batch and source
/// figures and the breakdown by cause (`InvalidLeadCause`).
///
/// The network can say so (a call ended 空号/停机/改号; 呼入限制 for our caller ID; a phone
/// still off after the plan's run of 关机/无法接通 results: the call that settled the lead as
/// invalid, `CallAttemptRecord.foundInvalid`), and so can an agent: a number that answers as
/// a fax line, or that is not the customer's at all, is recorded with a disposition in the
/// `invalid_number` category, although the call itself was answered.
public enum InvalidLeadRule {
    /// Whether a call that ended with `outcome` shows the number is invalid. Every outcome is
    /// decided here, so a new one must say.
    public static func showsInvalidNumber(_ outcome: CallOutcome) -> Bool {
        switch outcome {
        case .invalid:
            return true
        case .answered, .busy, .noAnswer, .rejected, .abandoned, .machine, .failed:
            return false
        }
    }

    /// Whether this call showed the number invalid: its campaign settled the lead as invalid,
    /// or (all an event file from elsewhere can say) it ended with an invalid outcome.
    public static func showsInvalidNumber(_ attempt: CallAttemptRecord) -> Bool {
        attempt.foundInvalid || showsInvalidNumber(attempt.outcome)
    }

    /// Whether a disposition in `category` says the number is invalid.
    public static func showsInvalidNumber(_ category: DispositionCategory) -> Bool {
        switch category {
        case .invalidNumber:
            return true
        case .success, .refusal, .callback, .wrongParty, .undecided, .alreadyCovered, .doNotCall, .other:
            return false
        }
    }

    /// The outcomes and categories that show an invalid number, for queries that select by
    /// stored value.
    public static var invalidOutcomes: [CallOutcome] { CallOutcome.allCases.filter(showsInvalidNumber) }
    public static var invalidCategories: [DispositionCategory] { DispositionCategory.allCases.filter(showsInvalidNumber) }

    /// 无效数据总量: of the leads dialled in `attempts`, those with a call that showed an invalid
    /// number or a disposition that says so. Only dialled leads count, so that the invalid
    /// rate (over leads dialled) never exceeds 100 %.
    public static func invalidLeads(_ attempts: [CallAttemptRecord], _ dispositions: [DispositionRecord]) -> Set<String> {
        let dialled = Set(attempts.map(\.leadID))
        let byCall = attempts.filter { showsInvalidNumber($0) }.map(\.leadID)
        let byDisposition = dispositions.filter { showsInvalidNumber($0.category) }.map(\.leadID)
        return Set(byCall).union(byDisposition).intersection(dialled)
    }

    /// The invalid leads of `invalidLeads` by cause: a lead under the cause of each call that
    /// showed it invalid (one, as a rule: an invalid number is not dialled again), and under
    /// `disposition` when only an agent's disposition did.
    public static func invalidLeadsByCause(_ attempts: [CallAttemptRecord],
                                           _ dispositions: [DispositionRecord]) -> [InvalidLeadCause: Set<String>] {
        let invalid = invalidLeads(attempts, dispositions)
        var byCause: [InvalidLeadCause: Set<String>] = [:]
        var byCall = Set<String>()
        for attempt in attempts where showsInvalidNumber(attempt) {
            byCause[InvalidLeadCause(call: attempt.cause), default: []].insert(attempt.leadID)
            byCall.insert(attempt.leadID)
        }
        let byDisposition = invalid.subtracting(byCall)
        if !byDisposition.isEmpty { byCause[.disposition] = byDisposition }
        return byCause
    }
}
