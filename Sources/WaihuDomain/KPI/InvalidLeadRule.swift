/// 无效数据 (invalid data): a lead whose number was found not to reach the customer. The one
/// definition behind 无效数据总量 and 无效数据比率 in every report.
///
/// The network can say so (a call ended 空号/停机), and so can an agent: a number that
/// answers as a fax line, or that is not the customer's at all, is recorded with a
/// disposition in the `invalid_number` category, although the call itself was answered.
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
        let byCall = attempts.filter { showsInvalidNumber($0.outcome) }.map(\.leadID)
        let byDisposition = dispositions.filter { showsInvalidNumber($0.category) }.map(\.leadID)
        return Set(byCall).union(byDisposition).intersection(dialled)
    }
}
