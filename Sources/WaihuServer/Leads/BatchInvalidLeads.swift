import SQLKit
import WaihuDomain

/// The invalid leads of each batch (无效数据, `InvalidLeadRule`) over all its real calls and
/// dispositions, whatever the day, with the breakdown by cause: the batch page's and
/// `waihu batch list`'s side of 无效率 (seed 002: invalid leads ÷ leads dialled). The predicates
/// are the reports' own (`DomainPredicateSQL`), so the two never disagree on a lead.
struct BatchInvalidLeads: Equatable {
    var invalid = 0
    var byCause: [InvalidLeadCause: Int] = [:]

    /// Every cause with its count, zeros included, by stored value: the API's `invalid_by_cause`.
    var causeCounts: [String: Int] {
        Dictionary(uniqueKeysWithValues: InvalidLeadCause.allCases.map { ($0.rawValue, byCause[$0] ?? 0) })
    }

    /// Per batch id. One row per (batch, lead) inside, as the report's per-lead queries do.
    static func load(sql: SQLDatabase) async throws -> [Int: BatchInvalidLeads] {
        let real = "NOT d.simulated"
        let causes = InvalidLeadCause.allCases
        var inner = "SELECT l.batch_id AS batch_id, MAX(CASE WHEN "
            + DomainPredicateSQL.showsInvalidNumber(attempt: "a", dispositions: real) + " THEN 1 ELSE 0 END) AS invalid"
        var outer = "SELECT x.batch_id AS batch_id, SUM(x.invalid) AS invalid"
        for (index, cause) in causes.enumerated() {
            inner += ", " + DomainPredicateSQL.leadIsInvalid(by: cause, attempt: "a", dispositions: real) + " AS c\(index)"
            outer += ", SUM(x.c\(index)) AS c\(index)"
        }
        inner += " FROM ev_call_attempts a JOIN leads l ON CAST(l.id AS TEXT) = a.lead_id"
            + " WHERE NOT a.simulated GROUP BY l.batch_id, a.lead_id"
        let rows = try await sql.raw("\(unsafeRaw: outer) FROM (\(unsafeRaw: inner)) x GROUP BY x.batch_id").all()
        var result: [Int: BatchInvalidLeads] = [:]
        for row in rows {
            var counts = BatchInvalidLeads(invalid: try row.decode(column: "invalid", as: Int?.self) ?? 0)
            for (index, cause) in causes.enumerated() {
                let n = try row.decode(column: "c\(index)", as: Int?.self) ?? 0
                if n > 0 { counts.byCause[cause] = n }
            }
            result[try row.decode(column: "batch_id", as: Int.self)] = counts
        }
        return result
    }
}
