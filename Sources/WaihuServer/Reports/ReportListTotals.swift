import SQLKit
import WaihuDomain

/// What the lead tables know of a list batch or source, for the list-quality report: its
/// leads (客户数据总量), those with an objective block, and what it cost. Not events: the
/// figures are the list's as it stands, whatever the report's period.
struct ReportListTotals: Equatable {
    var leads = 0
    /// Leads with an objective block: status `invalid` (空号/停机 found by a call or list cleaning).
    var blocked = 0
    /// Yuan: leads × price per lead (`ListQuality.cost`).
    var cost = 0.0

    static func + (a: Self, b: Self) -> Self {
        Self(leads: a.leads + b.leads, blocked: a.blocked + b.blocked, cost: a.cost + b.cost)
    }

    /// Per batch name or per source name (the `list_batch` / `list_source` of the events).
    static func load(sql: SQLDatabase, by group: ReportGroup) async throws -> [String: ReportListTotals] {
        struct Row: Decodable { var batch: String; var source: String; var price: Double; var leads: Double; var blocked: Double }
        let rows = try await sql.raw("""
            SELECT b.name AS batch, s.name AS source, b.cost_per_lead AS price,
                   CAST(COUNT(l.id) AS DOUBLE PRECISION) AS leads,
                   CAST(SUM(CASE WHEN l.status = \(bind: LeadStatus.invalid.rawValue) THEN 1 ELSE 0 END) AS DOUBLE PRECISION) AS blocked
            FROM lead_batches b JOIN lead_sources s ON s.id = b.source_id LEFT JOIN leads l ON l.batch_id = b.id
            GROUP BY b.id, b.name, s.name, b.cost_per_lead
            """).all(decoding: Row.self)
        var totals: [String: ReportListTotals] = [:]
        for row in rows {
            let quality = ListQuality(rows: 0, leads: Int(row.leads), invalid: 0, duplicate: 0, pricePerLead: row.price)
            let key = group == .batch ? row.batch : row.source
            totals[key, default: Self()] = totals[key, default: Self()]
                + Self(leads: quality.leads, blocked: Int(row.blocked), cost: quality.cost)
        }
        return totals
    }

    /// The columns without a value, for a user who may not see a list's cost.
    var nulls: [String: Double?] {
        ["list_data_total": nil, "valid_number_rate": nil, "cost_per_lead": nil, "cost_per_success": nil]
    }

    /// The list-quality columns these totals answer, with the period's successes.
    func values(successes: Double) -> [String: Double?] {
        [
            "list_data_total": Double(leads),
            "valid_number_rate": KPI.validNumberRate(validLeads: leads - blocked, listTotal: leads).percent,
            "cost_per_lead": KPI.costPerLead(cost: cost, leads: leads).value,
            "cost_per_success": KPI.costPerSuccess(cost: cost, successes: Int(successes)).value,
        ]
    }
}
