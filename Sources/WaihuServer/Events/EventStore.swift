import Fluent
import Foundation
import SQLKit
import WaihuDomain

/// Stores events in the event tables: from a JSON Lines file (one transaction, all or
/// nothing) or from values (the simulator, the benchmark).
public struct EventStore: Sendable {
    /// Bad lines listed in an error before "… and N more".
    public static let maximumReportedErrors = 50
    /// Parameters per INSERT: below SQLite's 32 766 and PostgreSQL's 65 535.
    static let maximumBinds = 30_000

    public let database: Database
    public let clock: LocalClock

    public init(database: Database, clock: LocalClock = LocalClock()) {
        self.database = database
        self.clock = clock
    }

    /// Imports a JSON Lines text. Any bad line refuses the whole file with every bad line's
    /// number and reason (`EventImportFailure`); nothing is stored then.
    public func importLines(_ text: String, simulated: Bool = false) async throws -> EventImportSummary {
        let decoder = EventLineDecoder()
        var events: [CallCenterEvent] = []
        var errors: [EventImportError] = []
        var badLines = 0
        // Decode everything before writing: a bad last line must not leave a half-written file
        // behind, and decoding first keeps the transaction short.
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            do {
                if let event = try decoder.decode(String(line), lineNumber: lineNumber) { events.append(event) }
            } catch let error as EventImportError {
                badLines += 1
                if errors.count < Self.maximumReportedErrors { errors.append(error) }
            }
        }
        if badLines > 0 { throw EventImportFailure(errors: errors, badLines: badLines) }
        return try await insert(events, simulated: simulated)
    }

    /// Inserts events in one transaction with multi-row INSERTs, and adds them to the hourly
    /// roll-ups (`EventRollup`) in the same transaction.
    @discardableResult
    public func insert(_ events: [CallCenterEvent], simulated: Bool = false) async throws -> EventImportSummary {
        let rows = EventRows(clock: clock, simulated: simulated)
        var byTable: [String: (table: EventTable, rows: [[EventValue]])] = [:]
        var byType: [String: Int] = [:]
        var teams: [String: String] = [:]
        var rollup = EventRollup(clock: clock, simulated: simulated)
        for event in events {
            rollup.add(event)
            let (table, newRows) = rows.rows(for: event)
            byTable[table.name, default: (table, [])].rows.append(contentsOf: newRows)
            byType[event.kind.rawValue, default: 0] += 1
            if case .employment(let record) = event, let team = record.teamID { teams[record.agentID] = team }
        }
        let tables = byTable.sorted(by: { $0.key < $1.key }).map(\.value)
        let agentTeams = teams.sorted(by: { $0.key < $1.key })
        let rollupSums = rollup
        try await WriteRetry.transaction(on: database) { db in
            guard let sql = db as? SQLDatabase else { throw EventStoreError.notSQL }
            for entry in tables {
                try await Self.insertRows(entry.rows, into: entry.table, on: sql)
            }
            try await rollupSums.write(on: sql)
            for (agent, team) in agentTeams {
                try await sql.delete(from: EventTable.agentTeams.name).where("agent_id", .equal, agent).run()
                try await sql.insert(into: EventTable.agentTeams.name).columns("agent_id", "team_id").values(SQLBind(agent), SQLBind(team)).run()
            }
        }
        return EventImportSummary(imported: events.count, byType: byType)
    }

    static func insertRows(_ rows: [[EventValue]], into table: EventTable, on sql: SQLDatabase) async throws {
        let perInsert = max(1, maximumBinds / table.columns.count)
        var index = 0
        while index < rows.count {
            let chunk = rows[index ..< min(index + perInsert, rows.count)]
            var insert = sql.insert(into: table.name).columns(table.columnNames)
            for row in chunk { insert = insert.values(row.map(\.expression)) }
            try await insert.run()
            index += perInsert
        }
    }

    /// Deletes every simulated event (before a new demo day, or to clean a demo), and its
    /// roll-up rows: `simulated` is part of the roll-up key, so real events keep theirs.
    public func deleteSimulated() async throws {
        try await WriteRetry.transaction(on: database) { db in
            guard let sql = db as? SQLDatabase else { throw EventStoreError.notSQL }
            for table in EventTable.all + EventTable.rollups where table.columnNames.contains("simulated") {
                try await sql.delete(from: table.name).where("simulated", .equal, SQLLiteral.boolean(true)).run()
            }
        }
    }
}

enum EventStoreError: Error, CustomStringConvertible {
    case notSQL
    var description: String { "the database does not speak SQL" }
}
