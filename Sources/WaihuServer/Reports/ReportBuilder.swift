import Foundation
import SQLKit
import WaihuDomain

/// Computes a report: SQL sums per group (`ReportQuery`), then the KPIs by the WaihuDomain
/// functions.
public struct ReportBuilder: Sendable {
    public let sql: SQLDatabase
    /// Connections to run the report's queries side by side on (`ReportLanes`); empty: `sql` alone.
    public let lanes: [SQLDatabase]

    public init(sql: SQLDatabase, lanes: [SQLDatabase] = []) {
        self.sql = sql
        self.lanes = lanes
    }

    public func build(_ kind: ReportKind, period: ReportPeriod, group requested: ReportGroup?,
                      scope: ReportScope) async throws -> ReportTable {
        let group = requested ?? kind.defaultGroup
        guard kind.groups.contains(group) else {
            throw ReportRequestError.invalidParameter(
                "group_by", "report \(kind.rawValue) groups by \(kind.groups.map(\.rawValue).joined(separator: " or ")), not \(group.rawValue)")
        }
        var table = ReportTable(
            report: kind.rawValue, title: kind.title, from: period.from.description, to: period.to.description,
            groupBy: group.rawValue, groupTitle: group.title, columns: kind.columns, rows: [], total: nil,
            chart: kind.chart?.rawValue, chartColumn: kind.chartColumn)
        if kind == .failureReasons {
            (table.rows, table.total) = try await failureReasons(period: period, group: group, scope: scope)
            return table
        }
        let (perGroup, totals) = try await ReportQuery(sql: sql, lanes: lanes, period: period, group: group, scope: scope).figuresAndTotal()
        let keys = perGroup.keys.sorted { Self.order($0, $1, group) }
        switch kind {
        case .rankings:
            table.rows = rankings(keys.filter { !$0.isEmpty }, perGroup)
        case .weekly:
            table.rows = keys.map { Self.row($0, group, Self.weeklyValues(perGroup[$0]!)) }
            table.total = Self.row("", .all, Self.weeklyValues(totals))
        default:
            let ids = Set(kind.columns.map(\.id))
            func pick(_ f: ReportFigures) -> [String: Double?] { ReportKPIs.values(f).filter { ids.contains($0.key) } }
            table.rows = keys.map { Self.row($0, group, pick(perGroup[$0]!)) }
            if ![.agent, .team, .campaign, .kpi].contains(kind) {
                // A narrow report (the hourly curve) leaves out groups where only events it
                // does not show happened (a QA verdict at 11:00 is no calling hour).
                table.rows.removeAll { row in row.values.values.allSatisfy { ($0 ?? 0) == 0 } }
            }
            table.total = Self.row("", .all, pick(totals))
            if kind == .listQuality { try await addListTotals(to: &table, perGroup, group: group, scope: scope) }
            if kind == .campaign { try await addSurveyFigures(to: &table, perGroup, group: group) }
        }
        return table
    }

    /// The lead tables' side of the list-quality report: list data total, valid number rate,
    /// cost per lead and per success. A batch's cost is not any agent's: shown only to those
    /// who see every agent's figures (admins, QA), null for the others.
    func addListTotals(to table: inout ReportTable, _ figures: [String: ReportFigures], group: ReportGroup,
                       scope: ReportScope) async throws {
        guard scope.agentIDs == nil else {
            for index in table.rows.indices { table.rows[index].values.merge(ReportListTotals().nulls) { $1 } }
            table.total?.values.merge(ReportListTotals().nulls) { $1 }
            return
        }
        let lists = try await ReportListTotals.load(sql: sql, by: group)
        var shown = ReportListTotals()
        var successes = 0.0
        for index in table.rows.indices {
            let key = table.rows[index].key
            let totals = lists[key] ?? ReportListTotals()
            shown = shown + totals
            successes += figures[key]?.successes ?? 0
            table.rows[index].values.merge(totals.values(successes: figures[key]?.successes ?? 0)) { $1 }
        }
        table.total?.values.merge(shown.values(successes: successes)) { $1 }
    }

    /// 外呼问卷完成进度 and 外呼完成问卷率 of the survey campaigns (`ReportSurveyTargets`); blank
    /// for sales campaigns and for rows that are not campaigns (the report grouped otherwise).
    /// The total adds the survey campaigns' parts: their questionnaires over their targets and
    /// over their connected calls.
    func addSurveyFigures(to table: inout ReportTable, _ figures: [String: ReportFigures], group: ReportGroup) async throws {
        let surveys = group == .campaign ? try await ReportSurveyTargets.load(sql: sql) : ReportSurveyTargets()
        var total: (progress: Ratio, rate: Ratio)?
        for index in table.rows.indices {
            let key = table.rows[index].key
            let ratios = figures[key].flatMap { surveys.ratios(campaign: key, $0) }
            if let ratios { total = total.map { ($0.progress + ratios.progress, $0.rate + ratios.rate) } ?? ratios }
            table.rows[index].values.merge(ReportSurveyTargets.values(ratios)) { $1 }
        }
        table.total?.values.merge(ReportSurveyTargets.values(total)) { $1 }
    }

    static func row(_ key: String, _ group: ReportGroup, _ values: [String: Double?]) -> ReportTable.Row {
        ReportTable.Row(key: key, label: label(key, group), values: values)
    }

    static func label(_ key: String, _ group: ReportGroup) -> String {
        switch group {
        case .all: return "合计 total"
        case .hour: return String(format: "%02d:00", Int(key) ?? 0)
        default: return key.isEmpty ? "(未分配 none)" : key
        }
    }

    /// Hours in clock order, everything else by text; the unassigned row last.
    static func order(_ a: String, _ b: String, _ group: ReportGroup) -> Bool {
        if a.isEmpty != b.isEmpty { return !a.isEmpty }
        if group == .hour { return (Int(a) ?? 0) < (Int(b) ?? 0) }
        return a < b
    }

    static func weeklyValues(_ f: ReportFigures) -> [String: Double?] {
        let kpis = ReportKPIs.values(f)
        let valid = KPI.invalidRate(invalidLeads: Int(f.invalidLeads), dialledLeads: Int(f.leadsDialled))
        return [
            "calls_placed": f.callsPlaced,
            "answered": f.answered,
            "connection_rate": Ratio(f.answered, over: f.callsPlaced).percent,
            "valid_rate": valid.value.map { (1 - $0) * 100 },
            "agent_connected_calls": f.connected,
            "online_success_count": f.successes,
            "online_success_rate": kpis["online_success_rate"] ?? nil,
            "complaints": f.complaints,
            "complaint_cases": f.complaintCases,
            "sms_replies": f.smsParticipants,
            "sms_satisfaction": kpis["sms_satisfaction"] ?? nil,
        ]
    }

    /// The three §5 rankings side by side, ordered by 成功值.
    func rankings(_ agents: [String], _ figures: [String: ReportFigures]) -> [ReportTable.Row] {
        let rows = agents.map { ReportKPIs.rankingRow(agentID: $0, figures[$0]!) }
        let efficiency = Dictionary(uniqueKeysWithValues: AgentRanking.byEfficiency(rows).map { ($0.agentID, $0.rank) })
        let handle = Dictionary(uniqueKeysWithValues: AgentRanking.byHandleTimeAndCallsPerHour(rows).map { ($0.agentID, $0.rank) })
        let ids = Set(ReportKind.rankings.columns.map(\.id))
        return AgentRanking.bySuccessValue(rows).map { ranked in
            var values = ReportKPIs.values(figures[ranked.agentID]!).filter { ids.contains($0.key) }
            values["success_value_rank"] = Double(ranked.rank)
            values["efficiency_rank"] = efficiency[ranked.agentID].map(Double.init)
            values["handle_time_rank"] = handle[ranked.agentID].map(Double.init)
            values["success_value"] = ranked.score
            return Self.row(ranked.agentID, .agent, values)
        }
    }

    /// 失败原因分析: unsuccessful dispositions by code in the period, within the scope, with
    /// the shares of `KPI.failureReasons`.
    func failureReasons(period: ReportPeriod, group: ReportGroup,
                        scope: ReportScope) async throws -> ([ReportTable.Row], ReportTable.Row) {
        var query: SQLQueryString = """
            SELECT t.code AS code, t.category AS category, CAST(COUNT(*) AS DOUBLE PRECISION) AS n FROM ev_dispositions t \
            WHERE t.category <> 'success' AND t.local_day >= \(bind: period.from.description) AND t.local_day <= \(bind: period.to.description)
            """
        if let agents = scope.agentIDs {
            query.appendInterpolation(unsafeRaw: " AND t.agent_id IN (")
            if agents.isEmpty { query.appendInterpolation(unsafeRaw: "NULL") }
            for (index, agent) in agents.enumerated() {
                if index > 0 { query.appendInterpolation(unsafeRaw: ", ") }
                query.appendInterpolation(bind: agent)
            }
            query.appendInterpolation(unsafeRaw: ")")
        }
        query.appendInterpolation(unsafeRaw: " GROUP BY t.code, t.category")
        var counts: [(code: String, category: DispositionCategory, count: Int)] = []
        for row in try await sql.raw(query).all() {
            let code = try row.decode(column: "code", as: String.self)
            let category = DispositionCategory(rawValue: try row.decode(column: "category", as: String.self)) ?? .other
            counts.append((code, category, Int(try row.decode(column: "n", as: Double.self))))
        }
        let total = counts.reduce(0) { $0 + $1.count }
        let shares = counts
            .map { FailureReasonShare(code: $0.code, category: $0.category, count: $0.count, share: Ratio($0.count, over: total)) }
            .sorted { ($1.count, $0.code) < ($0.count, $1.code) }
        let rows = shares.map { share in
            ReportTable.Row(key: share.code, label: share.code,
                            values: ["count": Double(share.count), "share": share.share.percent],
                            notes: ["category": "\(share.category.chineseName) \(share.category.rawValue)"])
        }
        let totalRow = ReportTable.Row(key: "", label: "合计 total",
                                       values: ["count": Double(total), "share": total > 0 ? 100 : nil])
        return (rows, totalRow)
    }
}
