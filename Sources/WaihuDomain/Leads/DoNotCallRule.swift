/// When a do-not-call entry (禁呼名单) holds: an entry without a last day holds for good; one
/// with a last day (`YYYY-MM-DD`, the end of a refusal period) holds through that day, in the
/// center's local calendar. The one definition: the dialer at dial time, the list import and
/// the lead views all ask this rule, in Swift or as the SQL it writes.
public enum DoNotCallRule {
    /// Whether an entry whose last day is `lastDay` (nil: for good) holds on `day`. Both are
    /// `YYYY-MM-DD`, which order as text the way days do.
    public static func isActive(lastDay: String?, on day: String) -> Bool {
        guard let lastDay else { return true }
        return lastDay >= day
    }

    /// The same rule as an SQL condition on a column of `YYYY-MM-DD` texts, for look-ups that
    /// must not read the whole list. `day` is written into the text as a literal, so it must
    /// be a day and nothing else: anything but digits and dashes is refused.
    public static func sqlCondition(lastDayColumn column: String, on day: String) -> String {
        precondition(day.count == 10 && day.allSatisfy { $0 == "-" || ("0"..."9").contains($0) }, "not a day: \(day)")
        return "(\(column) IS NULL OR \(column) >= '\(day)')"
    }
}
