import Foundation
import SQLKit
import WaihuDomain

/// Gathers `ReportFigures` per group with one aggregate query per event table, in SQL:
/// never loading the events themselves. The same SQL runs on SQLite and PostgreSQL.
public struct ReportQuery: Sendable {
    public let sql: SQLDatabase
    /// Connections to the same database (`ReportLanes`) on which `figuresAndTotal` runs its
    /// queries side by side; `[sql]` runs them one after the other.
    public let lanes: [SQLDatabase]
    public let period: ReportPeriod
    public let group: ReportGroup
    public let scope: ReportScope

    public init(sql: SQLDatabase, lanes: [SQLDatabase] = [], period: ReportPeriod, group: ReportGroup, scope: ReportScope) {
        self.sql = sql
        self.lanes = lanes.isEmpty ? [sql] : lanes
        self.period = period
        self.group = group
        self.scope = scope
    }

    /// The figures of every group and the total row. Tables whose figures simply add up
    /// (every event in exactly one group, no distinct counts) are read once and their total
    /// is the sum of the groups, so the big state table is not read twice; the others are
    /// queried again without grouping.
    ///
    /// Every query is independent of the others: they run side by side on the `lanes`, the
    /// per-lead ones (the month's sorts) first, and their figures are added up after.
    public func figuresAndTotal() async throws -> (groups: [String: ReportFigures], total: ReportFigures) {
        let summable = Self.measures.filter { $0.additive && keyExpression($0.table, alias: "t") != nil }
        let rest = Self.measures.filter { !($0.additive && keyExpression($0.table, alias: "t") != nil) }
        let all = ReportQuery(sql: sql, lanes: lanes, period: period, group: .all, scope: scope)
        enum Part { case summable, grouped, total }
        var jobs: [(part: Part, query: ReportQuery, measure: Measure)] =
            summable.map { (.summable, self, $0) } + rest.map { (.grouped, self, $0) } + rest.map { (.total, all, $0) }
        jobs.sort { $0.measure.perLead && !$1.measure.perLead }
        let results = try await Self.run(jobs.map { job in { db in try await job.query.figures(of: [job.measure], on: db) } }, on: lanes)

        var groups: [String: ReportFigures] = [:]
        var total = ReportFigures()
        for (job, figures) in zip(jobs, results) {
            switch job.part {
            case .summable:
                for (key, value) in figures {
                    Self.add(value, into: &groups[key, default: ReportFigures()], for: [job.measure])
                    Self.add(value, into: &total, for: [job.measure])
                }
            case .grouped:
                for (key, value) in figures { Self.add(value, into: &groups[key, default: ReportFigures()], for: [job.measure]) }
            case .total:
                if let value = figures[""] { Self.add(value, into: &total, for: [job.measure]) }
            }
        }
        return (groups.filter { !$0.value.isEmpty }, total)
    }

    /// Runs the jobs, each lane one at a time, and returns their results in the jobs' order.
    static func run(_ jobs: [@Sendable (SQLDatabase) async throws -> [String: ReportFigures]],
                    on lanes: [SQLDatabase]) async throws -> [[String: ReportFigures]] {
        var results = [[String: ReportFigures]](repeating: [:], count: jobs.count)
        try await withThrowingTaskGroup(of: (job: Int, lane: Int, figures: [String: ReportFigures]).self) { tasks in
            var next = 0
            func start(on lane: Int) {
                guard next < jobs.count else { return }
                let job = next, work = jobs[next], db = lanes[lane]
                next += 1
                tasks.addTask { (job, lane, try await work(db)) }
            }
            for (lane, db) in lanes.enumerated() {
                try await allowParallelSorting(on: db)
                start(on: lane)
            }
            while let done = try await tasks.next() {
                results[done.job] = done.figures
                start(on: done.lane)
            }
        }
        return results
    }

    /// The per-lead queries sort a month of call attempts (about 700,000 rows for 100
    /// agents). SQLite sorts on its caller's thread alone unless `PRAGMA threads` allows it
    /// helper threads for large sorts. The setting belongs to the connection (one SQLite
    /// connection per event loop). PostgreSQL plans parallel work by itself.
    private static func allowParallelSorting(on db: SQLDatabase) async throws {
        guard db.dialect.name == "sqlite" else { return }
        try await db.raw("PRAGMA threads = \(unsafeRaw: String(sortThreads))").run()
    }

    static let sortThreads = 2

    static func add(_ figures: ReportFigures, into sum: inout ReportFigures, for measures: [Measure]) {
        for measure in measures {
            for part in measure.sums { sum[keyPath: part.into] += figures[keyPath: part.into] }
        }
    }

    func figures(of measures: [Measure], on sql: SQLDatabase) async throws -> [String: ReportFigures] {
        var result: [String: ReportFigures] = [:]
        for measure in measures {
            guard let key = keyExpression(measure.table, alias: "t") else { continue }
            var query: SQLQueryString = ""
            if measure.perLead {
                // Each lead once per group: the inner query has a row per (group, lead), the
                // outer one sums those rows. One sort of the period's rows, where
                // COUNT(DISTINCT lead_id) per expression kept a search tree per expression.
                query.appendInterpolation(unsafeRaw: "SELECT ")
                query.appendInterpolation(unsafeRaw: group == .all ? "''" : "l.g")
                query.appendInterpolation(unsafeRaw: " AS g")
                for index in measure.sums.indices {
                    query.appendInterpolation(unsafeRaw: ", CAST(SUM(l.m\(index)) AS DOUBLE PRECISION) AS m\(index)")
                }
                query.appendInterpolation(unsafeRaw: " FROM (SELECT \(key) AS g, t.lead_id")
                for (index, expression) in measure.sums.enumerated() {
                    query.appendInterpolation(unsafeRaw: ", \(expand(expression.sql)) AS m\(index)")
                }
            } else {
                query.appendInterpolation(unsafeRaw: "SELECT \(key) AS g")
                for (index, expression) in measure.sums.enumerated() {
                    query.appendInterpolation(unsafeRaw: ", CAST(\(expand(expression.sql)) AS DOUBLE PRECISION) AS m\(index)")
                }
            }
            query.appendInterpolation(unsafeRaw: " FROM \(measure.table.name) t")
            if group == .team && measure.table.name != EventTable.employment.name {
                query.appendInterpolation(unsafeRaw: " LEFT JOIN \(EventTable.agentTeams.name) tm ON tm.agent_id = t.agent_id")
            }
            query.appendInterpolation(unsafeRaw: " WHERE ")
            appendPeriod(measure, to: &query)
            if let filter = measure.filter { query.appendInterpolation(unsafeRaw: " AND (\(expand(filter)))") }
            if let agents = scope.agentIDs {
                query.appendInterpolation(unsafeRaw: " AND t.agent_id IN (")
                if agents.isEmpty { query.appendInterpolation(unsafeRaw: "NULL") }
                for (index, agent) in agents.enumerated() {
                    if index > 0 { query.appendInterpolation(unsafeRaw: ", ") }
                    query.appendInterpolation(bind: agent)
                }
                query.appendInterpolation(unsafeRaw: ")")
            }
            // PostgreSQL refuses GROUP BY a constant: the total is one plain aggregate.
            if measure.perLead {
                query.appendInterpolation(unsafeRaw: group == .all ? " GROUP BY t.lead_id) l" : " GROUP BY \(key), t.lead_id) l GROUP BY l.g")
            } else if group != .all {
                query.appendInterpolation(unsafeRaw: " GROUP BY \(key)")
            }
            let rows = try await sql.raw(query).all()
            for row in rows {
                let key = try row.decode(column: "g", as: String?.self) ?? ""
                var figures = result[key] ?? ReportFigures()
                for (index, expression) in measure.sums.enumerated() {
                    let value = try row.decode(column: "m\(index)", as: Double?.self) ?? 0
                    figures[keyPath: expression.into] += value
                }
                result[key] = figures
            }
        }
        return result.filter { !$0.value.isEmpty }
    }

    /// The SQL of the group key for a table, or nil when the table cannot be split that way
    /// (state intervals have no list batch): its figures are then left out of such a report.
    func keyExpression(_ table: EventTable, alias: String) -> String? {
        let columns = Set(table.columnNames)
        func text(_ column: String) -> String? {
            columns.contains(column) ? "COALESCE(\(alias).\(column), '')" : nil
        }
        switch group {
        case .all: return "''"
        case .agent: return text("agent_id")
        case .team:
            if table.name == EventTable.employment.name { return "COALESCE(\(alias).team_id, '')" }
            return columns.contains("agent_id") ? "COALESCE(tm.team_id, '')" : nil
        case .campaign: return text("campaign_id")
        case .batch, .source:
            let column = group == .batch ? "list_batch" : "list_source"
            if columns.contains(column) { return text(column) }
            // Dispositions and sales reach their list through the call they were recorded on.
            guard columns.contains("call_id") else { return nil }
            return "COALESCE((SELECT MIN(c.\(column)) FROM ev_call_attempts c WHERE c.call_id = \(alias).call_id), '')"
        case .day: return columns.contains("local_day") ? "\(alias).local_day" : nil
        case .hour: return columns.contains("local_hour") ? "CAST(\(alias).local_hour AS VARCHAR(2))" : nil
        }
    }

    /// Days are inlined as literals: a `CalendarDay` prints only digits and dashes, and the
    /// same fragment then serves the period filter and the sub-queries that need the period.
    private func expand(_ fragment: String) -> String {
        fragment
            .replacingOccurrences(of: "FROM_DAY", with: "'\(period.from)'")
            .replacingOccurrences(of: "TO_DAY", with: "'\(period.to)'")
    }

    private func appendPeriod(_ measure: Measure, to query: inout SQLQueryString) {
        switch measure.period {
        case .localDay:
            query.appendInterpolation(unsafeRaw: expand("t.local_day >= FROM_DAY AND t.local_day <= TO_DAY"))
        case .employment:
            // Everyone hired by the last day; the sums sort out start, end and leavers.
            query.appendInterpolation(unsafeRaw: expand("t.hired_on <= TO_DAY"))
        }
    }

    // MARK: - The measures

    enum PeriodColumn { case localDay, employment }

    struct Sum {
        let sql: String
        let into: WritableKeyPath<ReportFigures, Double>
    }

    struct Measure {
        let table: EventTable
        let period: PeriodColumn
        let filter: String?
        /// The total is the sum of the groups (no distinct counts, one group per event).
        var additive = false
        /// Each sum is an aggregate over one lead's events in a group (`MAX(…)` for "the lead
        /// had such an event", `1` for "the lead had any"), and the figure is its sum over the
        /// leads: distinct lead counts.
        var perLead = false
        let sums: [Sum]

        init(table: EventTable, period: PeriodColumn, filter: String?, additive: Bool = false, perLead: Bool = false, sums: [Sum]) {
            self.table = table
            self.period = period
            self.filter = filter
            self.additive = additive
            self.perLead = perLead
            self.sums = sums
        }
    }

    static func any(_ condition: String) -> String { "MAX(CASE WHEN \(condition) THEN 1 ELSE 0 END)" }

    static func count(_ condition: String) -> String { "SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END)" }
    static func total(_ column: String, when condition: String) -> String {
        "SUM(CASE WHEN \(condition) THEN \(column) ELSE 0 END)"
    }

    static let measures: [Measure] = [
        // State time and counts from the hourly roll-up: every period is whole days, so its sums
        // are the sums of the state pieces (about 20 times fewer rows).
        Measure(table: .hourlyAgentStates, period: .localDay, filter: nil, additive: true, sums: [
            Sum(sql: "SUM(t.seconds)", into: \.loggedIn),
            Sum(sql: total("t.seconds", when: "t.state = 'on_call'"), into: \.talk),
            Sum(sql: total("t.seconds", when: "t.state = 'wrap_up'"), into: \.wrapUp),
            Sum(sql: total("t.seconds", when: "t.state = 'not_ready'"), into: \.notReady),
            Sum(sql: total("t.seconds", when: "t.state = 'ready'"), into: \.idle),
            Sum(sql: total("t.seconds", when: "t.state = 'internal_call'"), into: \.internalCall),
            Sum(sql: total("t.seconds", when: "t.state = 'help_request'"), into: \.helpRequest),
            Sum(sql: total("t.seconds", when: DomainPredicateSQL.column("t.state", isOneOf: CallingTimeRule.callingStates)),
                into: \.calling),
            Sum(sql: total("t.began", when: "t.state = 'not_ready'"), into: \.notReadyCount),
            Sum(sql: total("t.began", when: "t.state = 'help_request'"), into: \.helpRequestCount),
        ] + NotReadyReason.allCases.map { reason in
            Sum(sql: total("t.seconds", when: "t.state = 'not_ready' AND " + DomainPredicateSQL.countsAsNotReadyReason(reason, column: "t.reason")),
                into: \.notReadyByReason[reason])
        }),
        Measure(table: .agentSessions, period: .localDay, filter: "t.kind = 'login'", sums: [
            Sum(sql: "COUNT(*)", into: \.logins),
            Sum(sql: "COUNT(DISTINCT t.agent_id || '|' || t.local_day)", into: \.agentDays),
            Sum(sql: "COUNT(DISTINCT t.seat_id)", into: \.seats),
        ]),
        // Call counts and sums from the hourly roll-up; what it cannot hold (distinct leads, and
        // whether an unnumbered attempt was the lead's first) from the call attempts.
        Measure(table: .hourlyCalls, period: .localDay, filter: nil, additive: true, sums: [
            Sum(sql: "SUM(t.calls)", into: \.callsPlaced),
            Sum(sql: total("t.calls", when: "t.outcome = 'answered'"), into: \.answered),
            Sum(sql: total("t.calls", when: "t.outcome = 'abandoned'"), into: \.abandoned),
            Sum(sql: "SUM(t.connected)", into: \.connected),
            Sum(sql: "SUM(t.connected_talk)", into: \.connectedTalk),
            Sum(sql: "SUM(t.first_dials)", into: \.firstDials),
            Sum(sql: "SUM(t.playback_seconds)", into: \.playback),
        ]),
        // The agents of 人均呼出通话量: each counts once in a group (and once in the total).
        Measure(table: .hourlyCalls, period: .localDay, filter: "t.connected > 0 AND t.agent_id <> ''", sums: [
            Sum(sql: "COUNT(DISTINCT t.agent_id)", into: \.agentsWithCalls),
        ]),
        Measure(table: .callAttempts, period: .localDay, filter: nil, perLead: true, sums: [
            Sum(sql: "1", into: \.leadsDialled),
            Sum(sql: any(DomainPredicateSQL.showsInvalidNumber(attempt: "t", from: "FROM_DAY", to: "TO_DAY")), into: \.invalidLeads),
        ] + InvalidLeadCause.allCases.map { cause in
            Sum(sql: DomainPredicateSQL.leadIsInvalid(by: cause, attempt: "t", dispositions: "d.local_day >= FROM_DAY AND d.local_day <= TO_DAY"),
                into: \.invalidLeadsByCause[cause])
        }),
        // 首拨 without an attempt number: the lead's earliest attempt on record. Read through
        // the partial index of unnumbered attempts (`CreateEventRollups`): the dialer numbers
        // its attempts, so this is usually nothing, and the month's attempts are not read.
        Measure(table: .callAttempts, period: .localDay, filter: "t.attempt_number IS NULL", additive: true, sums: [
            Sum(sql: count("NOT EXISTS (SELECT 1 FROM ev_call_attempts p WHERE p.lead_id = t.lead_id AND p.placed_at < t.placed_at)"), into: \.firstDials),
        ]),
        Measure(table: .dispositions, period: .localDay, filter: nil, additive: true, sums: [
            Sum(sql: "COUNT(*)", into: \.dispositions),
            Sum(sql: count("t.category = 'success'"), into: \.successes),
        ]),
        Measure(table: .dispositions, period: .localDay, filter: nil, perLead: true, sums: [
            Sum(sql: any(DomainPredicateSQL.isContact(category: "t.category")), into: \.contactedLeads),
        ]),
        Measure(table: .sales, period: .localDay, filter: nil, additive: true, sums: [
            Sum(sql: "COUNT(*)", into: \.policies),
            Sum(sql: "SUM(t.premium_fen)", into: \.premiumFen),
            Sum(sql: total("t.premium_fen", when: "t.cancelled_at IS NOT NULL"), into: \.cancelledPremiumFen),
            Sum(sql: count("t.entry_errors > 0"), into: \.policiesWithErrors),
            Sum(sql: count("t.cancelled_at IS NOT NULL"), into: \.cancelled),
        ]),
        Measure(table: .qaResults, period: .localDay, filter: nil, additive: true, sums: [
            Sum(sql: "COUNT(*)", into: \.inspected),
            Sum(sql: count("t.passed"), into: \.passed),
            Sum(sql: count("t.excellent"), into: \.excellent),
        ]),
        Measure(table: .complaints, period: .localDay, filter: nil, additive: true, sums: [
            Sum(sql: "COUNT(*)", into: \.complaints),
            Sum(sql: count("t.caused_by_outbound"), into: \.outboundComplaints),
            Sum(sql: count("t.agent_at_fault IS NOT NULL AND t.agent_at_fault"), into: \.complaintCases),
        ]),
        Measure(table: .violations, period: .localDay, filter: nil, additive: true, sums: [
            Sum(sql: "COUNT(*)", into: \.violations),
        ]),
        // A number that replied more than once counts once, by its latest reply in the period:
        // the replies ranked per number in one window pass (a correlated NOT EXISTS per reply
        // read each number's replies again).
        Measure(table: .smsReplies, period: .localDay,
                filter: "t.id IN (SELECT w.id FROM (SELECT s.id, ROW_NUMBER() OVER (PARTITION BY s.number ORDER BY s.at DESC, s.id DESC) AS latest FROM ev_sms_replies s WHERE s.local_day >= FROM_DAY AND s.local_day <= TO_DAY) w WHERE w.latest = 1)",
                sums: [
                    Sum(sql: "COUNT(*)", into: \.smsParticipants),
                    Sum(sql: count("t.rating = 'satisfied'"), into: \.smsSatisfied),
                ]),
        Measure(table: .rosters, period: .localDay, filter: "t.leave IS NULL", additive: true, sums: [
            Sum(sql: "COUNT(*)", into: \.scheduledDays),
            Sum(sql: count("EXISTS (SELECT 1 FROM ev_agent_sessions s WHERE s.agent_id = t.agent_id AND s.local_day = t.local_day AND s.kind = 'login')"), into: \.presentDays),
            Sum(sql: "SUM(t.scheduled_seconds)", into: \.scheduledSeconds),
        ]),
        Measure(table: .employment, period: .employment, filter: nil, additive: true, sums: [
            Sum(sql: count(DomainPredicateSQL.isEmployed(employment: "t", atStartOf: "FROM_DAY")), into: \.agentsAtStart),
            Sum(sql: count("t.left_on IS NULL OR t.left_on > TO_DAY"), into: \.agentsAtEnd),
            Sum(sql: count("t.left_on >= FROM_DAY AND t.left_on <= TO_DAY"), into: \.leavers),
        ] + AgentSkill.allCases.map { skill in
            // 客户代表数 by skill: employed on the period's last day.
            Sum(sql: count(DomainPredicateSQL.isEmployed(employment: "t", atStartOf: "TO_DAY") + " AND "
                           + DomainPredicateSQL.column("t.skill", isOneOf: [skill])),
                into: \.agentsBySkill[skill])
        }),
    ]
}
