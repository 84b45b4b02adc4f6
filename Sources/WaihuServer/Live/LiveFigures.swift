import Foundation
import Fluent
import SQLKit
import Vapor
import WaihuDomain

/// Today's figures per team and per agent, as the wallboard shows them.
public struct LiveFigures: Content, Sendable {
    public var day: String
    public var at: Date
    public var columns: [ReportColumn]
    public var teams: [ReportTable.Row]
    public var agents: [ReportTable.Row]
    public var total: ReportTable.Row?

    static let columnIDs = ["logged_in_time", "talk_time", "calls_placed", "agent_connected_calls", "calls_per_hour",
                            "work_time_efficiency", "online_success_count", "online_success_rate"]

    /// Teams and agents are read in one snapshot (`ReadSnapshot`): an import committed while
    /// they are read shows in both or in neither.
    public static func compute(database: Database, day: CalendarDay, scope: ReportScope) async throws -> LiveFigures {
        let period = try ReportPeriod(from: day, to: day)
        let (teams, agents) = try await ReadSnapshot.run(on: database) { sql in
            let builder = ReportBuilder(sql: sql)
            return (try await builder.build(.kpi, period: period, group: .team, scope: scope),
                    try await builder.build(.kpi, period: period, group: .agent, scope: scope))
        }
        let ids = Set(columnIDs)
        func prune(_ row: ReportTable.Row) -> ReportTable.Row {
            var row = row
            row.values = row.values.filter { ids.contains($0.key) }
            return row
        }
        return LiveFigures(day: day.description, at: Date(),
                           columns: columnIDs.compactMap { id in ReportKPIs.columns.first { $0.id == id } },
                           teams: teams.rows.map(prune), agents: agents.rows.map(prune), total: teams.total.map(prune))
    }

    /// A number that changes whenever an event is stored: the highest row id of each table.
    static func version(sql: SQLDatabase) async throws -> String {
        let parts = EventTable.all.map { "COALESCE((SELECT MAX(id) FROM \($0.name)), 0)" }
        let query = "SELECT " + parts.enumerated().map { "CAST(\($1) AS BIGINT) AS v\($0)" }.joined(separator: ", ")
        guard let row = try await sql.raw(SQLQueryString(query)).first() else { return "" }
        return try (0..<parts.count).map { String(try row.decode(column: "v\($0)", as: Int.self)) }.joined(separator: ":")
    }
}
