/// 接触 (contact): what counts as having reached the customer. The one definition every
/// figure that says "contacted" uses: 接触率 and 接触成功率 in the reports, and the contact
/// rate of a list batch or source (`waihu batch list`, `source list`).
///
/// A lead is contacted when an agent recorded a disposition on it whose category says the
/// right customer was reached and spoken to. An answered call alone is not a contact: the
/// person who answered may be a stranger (非本人), or the line a fax (无效号码).
public enum ContactRule {
    /// Whether a disposition in `category` shows the right customer was reached (已接触).
    /// Every category is decided here, so a new one must say whether it is a contact.
    public static func isContact(_ category: DispositionCategory) -> Bool {
        switch category {
        case .invalidNumber, .wrongParty:
            return false
        case .success, .refusal, .callback, .undecided, .alreadyCovered, .doNotCall, .other:
            return true
        }
    }

    /// The categories that are contacts, for queries that select by stored value.
    public static var contactCategories: [DispositionCategory] {
        DispositionCategory.allCases.filter(isContact)
    }

    /// 已接触: distinct leads with at least one contact disposition.
    public static func contactedLeads(_ dispositions: [DispositionRecord]) -> Set<String> {
        Set(dispositions.filter { isContact($0.category) }.map(\.leadID))
    }
}
