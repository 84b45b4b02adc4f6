import WaihuDomain

/// The domain's predicates (`ContactRule`, …) as SQL conditions on stored raw values, built
/// from the domain's own lists of cases, so that a query never types a rule a second time.
/// The same SQL runs on SQLite and PostgreSQL.
enum DomainPredicateSQL {
    /// `column IN ('a', 'b')` for the stored values of `cases`; a condition that is never
    /// true for no cases. Stored raw values are lowercase words (checked), so they are
    /// inlined as literals.
    static func column<Value: StoredEnum>(_ column: String, isOneOf cases: [Value]) -> String {
        guard !cases.isEmpty else { return "1 = 0" }
        let literals = cases.map { value -> String in
            precondition(value.rawValue.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) },
                         "stored value \(value.rawValue) is not a plain word")
            return "'\(value.rawValue)'"
        }
        return "\(column) IN (\(literals.joined(separator: ", ")))"
    }

    /// 接触: a disposition whose `category` column is a contact (`ContactRule`).
    static func isContact(category: String) -> String {
        self.column(category, isOneOf: ContactRule.contactCategories)
    }

    /// 无效数据 (`InvalidLeadRule`), for a call attempt `t` of the period: its call showed an
    /// invalid number, or a disposition of the period on its lead says the number is invalid.
    /// The sub-query does not depend on the row, so the database reads the period's
    /// invalid-number dispositions once.
    static func showsInvalidNumber(attempt t: String, from: String, to: String) -> String {
        showsInvalidNumber(attempt: t, dispositions: "d.local_day >= \(from) AND d.local_day <= \(to)")
    }

    /// The same over the dispositions of `d` that meet `dispositions` (a period, or every
    /// real one for a batch's figures).
    static func showsInvalidNumber(attempt t: String, dispositions: String) -> String {
        let category = column("d.category", isOneOf: InvalidLeadRule.invalidCategories)
        return "(\(callShowsInvalidNumber(t)) OR \(t).lead_id IN (SELECT d.lead_id FROM ev_dispositions d WHERE \(category)"
            + " AND \(dispositions)))"
    }

    /// The call `t` itself showed an invalid number (`InvalidLeadRule.showsInvalidNumber(_:)` of
    /// an attempt): it settled its lead as invalid, or it ended with an invalid outcome.
    static func callShowsInvalidNumber(_ t: String) -> String {
        "(\(t).found_invalid OR \(column("\(t).outcome", isOneOf: InvalidLeadRule.invalidOutcomes)))"
    }

    /// 无效数据 by cause (`InvalidLeadRule.invalidLeadsByCause`), as an aggregate over one lead's
    /// attempts `t` (the per-lead queries): 1 when the lead counts under `cause`. A call's
    /// slot is its stored cause (`InvalidLeadCause.callCauses`; no cause is `unspecified`); a
    /// lead counts under `disposition` when it is invalid and none of its calls showed it.
    static func leadIsInvalid(by cause: InvalidLeadCause, attempt t: String, dispositions: String) -> String {
        let byCall = callShowsInvalidNumber(t)
        guard cause != .disposition else {
            return "CASE WHEN MAX(CASE WHEN \(showsInvalidNumber(attempt: t, dispositions: dispositions)) THEN 1 ELSE 0 END) = 1"
                + " AND MAX(CASE WHEN \(byCall) THEN 1 ELSE 0 END) = 0 THEN 1 ELSE 0 END"
        }
        var slot = column("\(t).cause", isOneOf: cause.callCauses)
        if cause == .unspecified { slot = "(\(t).cause IS NULL OR \(slot))" }
        return "MAX(CASE WHEN \(byCall) AND \(slot) THEN 1 ELSE 0 END)"
    }

    /// The stored `reason` of not-ready time that counts under `reason`
    /// (`AgentTimeBreakdown.reasonCounted`): the hourly roll-up stores a missing reason as ''.
    static func countsAsNotReadyReason(_ reason: NotReadyReason, column: String) -> String {
        let own = "\(column) = '\(reason.rawValue)'"
        return AgentTimeBreakdown.reasonCounted(nil) == reason ? "(\(own) OR \(column) = '' OR \(column) IS NULL)" : own
    }

    /// Employed when `day` begins (`EmploymentRecord.isEmployed(atStartOf:)`), for a row `t` of
    /// `ev_employment`; `day` is an SQL expression of a day ('YYYY-MM-DD' text).
    static func isEmployed(employment t: String, atStartOf day: String) -> String {
        "\(t).hired_on <= \(day) AND (\(t).left_on IS NULL OR \(t).left_on >= \(day))"
    }
}
