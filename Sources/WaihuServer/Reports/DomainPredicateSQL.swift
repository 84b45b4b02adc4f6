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
        let outcome = column("\(t).outcome", isOneOf: InvalidLeadRule.invalidOutcomes)
        let category = column("d.category", isOneOf: InvalidLeadRule.invalidCategories)
        return "(\(outcome) OR \(t).lead_id IN (SELECT d.lead_id FROM ev_dispositions d WHERE \(category)"
            + " AND d.local_day >= \(from) AND d.local_day <= \(to)))"
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
