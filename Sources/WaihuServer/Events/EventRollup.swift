import Foundation
import SQLKit
import WaihuDomain

/// The hourly roll-up rows (`EventTable.rollups`) that one batch of events adds to.
///
/// The batch is summed here first, so that each roll-up key is written once per batch: with
/// `INSERT … ON CONFLICT (key) DO UPDATE SET x = x + excluded.x`, the same syntax on SQLite
/// (3.24 and later) and PostgreSQL, and PostgreSQL refuses one statement that touches a row
/// twice. `EventStore.insert` writes it in the transaction of the events themselves, so the
/// roll-ups always equal a GROUP BY over the events.
struct EventRollup {
    /// A roll-up key: day and hour, then the table's text keys in column order.
    struct Key: Hashable {
        var day: String
        var hour: Int
        var texts: [String]
    }

    let clock: LocalClock
    let simulated: Bool
    /// Sums in the order of `EventTable.rollupSums`, per key.
    private(set) var states: [Key: [Double]] = [:]
    private(set) var calls: [Key: [Double]] = [:]

    init(clock: LocalClock, simulated: Bool) {
        self.clock = clock
        self.simulated = simulated
    }

    var isEmpty: Bool { states.isEmpty && calls.isEmpty }

    mutating func add(_ event: CallCenterEvent) {
        switch event {
        case .agentState(let interval):
            for piece in clock.hourPieces(from: interval.start, to: interval.end) {
                let (day, hour) = clock.dayAndHour(piece.start)
                let key = Key(day: day, hour: hour, texts: [
                    interval.agentID, interval.campaignID ?? "", interval.state.rawValue, interval.reason?.rawValue ?? "",
                ])
                Self.add([piece.end.timeIntervalSince(piece.start), piece.start == interval.start ? 1 : 0], to: &states[key])
            }
        case .callAttempt(let call):
            let (day, hour) = clock.dayAndHour(call.placedAt)
            let key = Key(day: day, hour: hour, texts: [
                call.agentID ?? "", call.campaignID, call.outcome.rawValue, call.listBatch ?? "", call.listSource ?? "",
            ])
            let connected = call.agentID != nil && call.talkSeconds > 0
            Self.add([
                1, connected ? 1 : 0, connected ? call.talkSeconds : 0, call.talkSeconds, call.playbackSeconds,
                call.attemptNumber == 1 ? 1 : 0, call.attemptNumber == nil ? 1 : 0,
            ], to: &calls[key])
        default:
            break
        }
    }

    private static func add(_ values: [Double], to sums: inout [Double]?) {
        guard var total = sums else { sums = values; return }
        for index in values.indices { total[index] += values[index] }
        sums = total
    }

    /// Adds the batch's sums to the roll-up tables.
    func write(on sql: SQLDatabase) async throws {
        try await Self.upsert(states, into: .hourlyAgentStates, simulated: simulated, on: sql)
        try await Self.upsert(calls, into: .hourlyCalls, simulated: simulated, on: sql)
    }

    static func upsert(_ sums: [Key: [Double]], into table: EventTable, simulated: Bool, on sql: SQLDatabase) async throws {
        guard !sums.isEmpty else { return }
        let integral = Set(table.columns.filter { column in
            if case .int64 = column.type { return true } else { return false }
        }.map(\.name))
        let sumColumns = table.rollupSums
        let perInsert = max(1, EventStore.maximumBinds / table.columns.count)
        // Sorted so that concurrent writers lock rows in the same order (no deadlock on PostgreSQL).
        let entries = sums.sorted { a, b in
            if a.key.day != b.key.day { return a.key.day < b.key.day }
            if a.key.hour != b.key.hour { return a.key.hour < b.key.hour }
            return a.key.texts.lexicographicallyPrecedes(b.key.texts)
        }
        var index = 0
        while index < entries.count {
            var query: SQLQueryString = "INSERT INTO \(unsafeRaw: table.name) (\(unsafeRaw: table.columnNames.joined(separator: ", "))) VALUES "
            for (offset, entry) in entries[index ..< min(index + perInsert, entries.count)].enumerated() {
                query.appendInterpolation(unsafeRaw: offset == 0 ? "(" : ", (")
                query.appendInterpolation(bind: entry.key.day)
                query.appendInterpolation(unsafeRaw: ", ")
                query.appendInterpolation(bind: entry.key.hour)
                for text in entry.key.texts {
                    query.appendInterpolation(unsafeRaw: ", ")
                    query.appendInterpolation(bind: text)
                }
                query.appendInterpolation(unsafeRaw: ", ")
                query.appendInterpolation(bind: simulated)
                for (column, value) in zip(sumColumns, entry.value) {
                    query.appendInterpolation(unsafeRaw: ", ")
                    if integral.contains(column) { query.appendInterpolation(bind: Int(value)) } else { query.appendInterpolation(bind: value) }
                }
                query.appendInterpolation(unsafeRaw: ")")
            }
            let updates = sumColumns.map { "\($0) = \(table.name).\($0) + excluded.\($0)" }
            query.appendInterpolation(unsafeRaw: " ON CONFLICT (\(table.rollupKey.joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))")
            try await sql.raw(query).run()
            index += perInsert
        }
    }

    // MARK: - From the events (the migration's back-fill)

    /// The SELECT that computes a roll-up table from the stored events, in its column order:
    /// what `add` sums in Swift, as SQL. `CreateEventRollups` fills existing databases with it.
    static func selectFromEvents(_ table: EventTable) -> String {
        switch table.name {
        case EventTable.hourlyAgentStates.name:
            let key = "local_day, local_hour, agent_id, COALESCE(campaign_id, ''), state, COALESCE(reason, ''), simulated"
            return "SELECT \(key), SUM(seconds), SUM(CASE WHEN began THEN 1 ELSE 0 END) FROM ev_agent_states GROUP BY \(key)"
        case EventTable.hourlyCalls.name:
            let key = "local_day, local_hour, COALESCE(agent_id, ''), campaign_id, outcome, COALESCE(list_batch, ''), COALESCE(list_source, ''), simulated"
            let connected = "agent_id IS NOT NULL AND talk_seconds > 0"
            return """
                SELECT \(key), COUNT(*), SUM(CASE WHEN \(connected) THEN 1 ELSE 0 END), \
                SUM(CASE WHEN \(connected) THEN talk_seconds ELSE 0 END), SUM(talk_seconds), SUM(playback_seconds), \
                SUM(CASE WHEN attempt_number = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN attempt_number IS NULL THEN 1 ELSE 0 END) \
                FROM ev_call_attempts GROUP BY \(key)
                """
        default:
            preconditionFailure("\(table.name) is not a roll-up")
        }
    }

    /// Empties a roll-up table and fills it again from the events.
    static func rebuild(_ table: EventTable, on sql: SQLDatabase) async throws {
        try await sql.delete(from: table.name).run()
        let columns = table.columnNames.joined(separator: ", ")
        try await sql.raw(SQLQueryString("INSERT INTO \(table.name) (\(columns)) \(selectFromEvents(table))")).run()
    }
}
