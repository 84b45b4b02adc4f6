import Fluent
import SQLKit
import WaihuDomain
import XCTest
@testable import WaihuServer

/// The hourly roll-ups (`EventTable.rollups`) always equal a GROUP BY over the stored events:
/// after imports that add to the same hours, after deleting simulated events, and after the
/// migration fills them in an existing database. On SQLite, or PostgreSQL with
/// WAIHU_TEST_DATABASE.
final class EventRollupTests: XCTestCase {
    /// A simulated day of three agents as two JSON Lines files: events alternate between the
    /// files, so both add to the same agent-hours and the second import updates rows of the first.
    static func twoFiles(day: String = "2026-11-04") throws -> (String, String) {
        let simulator = DaySimulator(agents: 3, day: CalendarDay(day)!, seed: 7)
        let events = simulator.employment() + simulator.events()
        let encoder = EventLineEncoder()
        var first: [String] = [], second: [String] = []
        for (index, event) in events.enumerated() {
            let line = try encoder.encode(event)
            if index % 2 == 0 { first.append(line) } else { second.append(line) }
        }
        return (first.joined(separator: "\n") + "\n", second.joined(separator: "\n") + "\n")
    }

    func testTheRollupsEqualAGroupByOverTheEventsAfterTwoImports() async throws {
        try await TestServer.with { server in
            let store = EventStore(database: server.app.db)
            let sql = try XCTUnwrap(server.app.db as? SQLDatabase)
            let (first, second) = try Self.twoFiles()
            try await store.importLines(first)
            let afterFirst = try await Self.stateRollup(sql)
            try await store.importLines(second)
            try await store.importLines(ReportFixture.text)
            let afterBoth = try await Self.stateRollup(sql)
            XCTAssertEqual(Set(afterFirst.keys).subtracting(afterBoth.keys), [], "the second file adds to the rows of the first")
            XCTAssertTrue(afterFirst.contains { key, sums in afterBoth[key]![0] > sums[0] + 1 },
                          "the second file added time to hours of the first")
            try await Self.assertRollupsEqualTheEvents(sql)
        }
    }

    func testDeletingSimulatedEventsDeletesTheirRollupRowsOnly() async throws {
        try await TestServer.with { server in
            let store = EventStore(database: server.app.db)
            let sql = try XCTUnwrap(server.app.db as? SQLDatabase)
            try await store.importLines(ReportFixture.text)
            let real = try await Self.stateRollup(sql)
            // A simulated day on the fixture's first day: the same agents' hours get simulated
            // rows next to the real ones.
            let (first, second) = try Self.twoFiles(day: "2026-11-02")
            try await store.importLines(first, simulated: true)
            try await store.importLines(second, simulated: true)
            let withSimulated = try await Self.stateRollup(sql)
            XCTAssertGreaterThan(withSimulated.count, real.count)
            try await store.deleteSimulated()
            let after = try await Self.stateRollup(sql)
            XCTAssertEqual(Set(after.keys), Set(real.keys))
            for (key, sums) in real { XCTAssertEqual(after[key]!, sums, key) }
            try await Self.assertRollupsEqualTheEvents(sql)
        }
    }

    func testTheMigrationFillsTheRollupsFromExistingEvents() async throws {
        try await TestServer.with { server in
            let store = EventStore(database: server.app.db)
            let sql = try XCTUnwrap(server.app.db as? SQLDatabase)
            try await store.importLines(ReportFixture.text)
            let (first, _) = try Self.twoFiles()
            try await store.importLines(first, simulated: true)
            let before = try await Self.stateRollup(sql)
            // A database from before the roll-ups: the events without them.
            try await CreateEventRollups().revert(on: server.app.db)
            try await CreateEventRollups().prepare(on: server.app.db)
            let after = try await Self.stateRollup(sql)
            XCTAssertEqual(Set(after.keys), Set(before.keys))
            try await Self.assertRollupsEqualTheEvents(sql)
        }
    }

    // MARK: - Comparing with the events

    /// `ev_hourly_agent_states` as key → [seconds, began].
    static func stateRollup(_ sql: SQLDatabase) async throws -> [String: [Double]] {
        try await rows(sql, """
            SELECT local_day || ' ' || CAST(local_hour AS VARCHAR(2)) || ' ' || agent_id || ' ' || campaign_id || ' ' || state \
            || ' ' || reason || ' ' || CASE WHEN simulated THEN 'sim' ELSE 'real' END AS k, \
            CAST(seconds AS DOUBLE PRECISION) AS s0, CAST(began AS DOUBLE PRECISION) AS s1 FROM ev_hourly_agent_states
            """, sums: 2)
    }

    /// Asserts each roll-up row equals the sums over the events of its key, and the other way round.
    static func assertRollupsEqualTheEvents(_ sql: SQLDatabase, file: StaticString = #filePath, line: UInt = #line) async throws {
        let flag = "CASE WHEN simulated THEN 'sim' ELSE 'real' END"
        let stateKey = "local_day || ' ' || CAST(local_hour AS VARCHAR(2)) || ' ' || agent_id || ' ' || COALESCE(campaign_id, '') || ' ' || state || ' ' || COALESCE(reason, '') || ' ' || \(flag)"
        let states = try await rows(sql, """
            SELECT \(stateKey) AS k, CAST(SUM(seconds) AS DOUBLE PRECISION) AS s0, \
            CAST(SUM(CASE WHEN began THEN 1 ELSE 0 END) AS DOUBLE PRECISION) AS s1 \
            FROM ev_agent_states GROUP BY \(stateKey)
            """, sums: 2)
        XCTAssertFalse(states.isEmpty, file: file, line: line)
        assertEqual(try await stateRollup(sql), states, "ev_hourly_agent_states", file: file, line: line)

        let callKey = "local_day || ' ' || CAST(local_hour AS VARCHAR(2)) || ' ' || COALESCE(agent_id, '') || ' ' || campaign_id || ' ' || outcome || ' ' || COALESCE(list_batch, '') || ' ' || COALESCE(list_source, '') || ' ' || \(flag)"
        let connected = "agent_id IS NOT NULL AND talk_seconds > 0"
        let calls = try await rows(sql, """
            SELECT \(callKey) AS k, CAST(COUNT(*) AS DOUBLE PRECISION) AS s0, \
            CAST(SUM(CASE WHEN \(connected) THEN 1 ELSE 0 END) AS DOUBLE PRECISION) AS s1, \
            CAST(SUM(CASE WHEN \(connected) THEN talk_seconds ELSE 0 END) AS DOUBLE PRECISION) AS s2, \
            CAST(SUM(talk_seconds) AS DOUBLE PRECISION) AS s3, CAST(SUM(playback_seconds) AS DOUBLE PRECISION) AS s4, \
            CAST(SUM(CASE WHEN attempt_number = 1 THEN 1 ELSE 0 END) AS DOUBLE PRECISION) AS s5, \
            CAST(SUM(CASE WHEN attempt_number IS NULL THEN 1 ELSE 0 END) AS DOUBLE PRECISION) AS s6 \
            FROM ev_call_attempts GROUP BY \(callKey)
            """, sums: 7)
        let rolledCallKey = "local_day || ' ' || CAST(local_hour AS VARCHAR(2)) || ' ' || agent_id || ' ' || campaign_id || ' ' || outcome || ' ' || list_batch || ' ' || list_source || ' ' || \(flag)"
        let rolledCalls = try await rows(sql, """
            SELECT \(rolledCallKey) AS k, CAST(calls AS DOUBLE PRECISION) AS s0, CAST(connected AS DOUBLE PRECISION) AS s1, \
            CAST(connected_talk AS DOUBLE PRECISION) AS s2, CAST(talk_seconds AS DOUBLE PRECISION) AS s3, \
            CAST(playback_seconds AS DOUBLE PRECISION) AS s4, CAST(first_dials AS DOUBLE PRECISION) AS s5, \
            CAST(unnumbered AS DOUBLE PRECISION) AS s6 FROM ev_hourly_calls
            """, sums: 7)
        XCTAssertFalse(calls.isEmpty, file: file, line: line)
        assertEqual(rolledCalls, calls, "ev_hourly_calls", file: file, line: line)
    }

    static func rows(_ sql: SQLDatabase, _ query: String, sums: Int) async throws -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        for row in try await sql.raw(SQLQueryString(query)).all() {
            let key = try row.decode(column: "k", as: String.self)
            XCTAssertNil(result[key], "one roll-up row per key: \(key)")
            result[key] = try (0..<sums).map { try row.decode(column: "s\($0)", as: Double.self) }
        }
        return result
    }

    static func assertEqual(_ rolled: [String: [Double]], _ events: [String: [Double]], _ table: String,
                            file: StaticString, line: UInt) {
        XCTAssertEqual(Set(rolled.keys), Set(events.keys), "\(table): the same keys as the events", file: file, line: line)
        for (key, sums) in events {
            guard let rolledSums = rolled[key] else { continue }
            for (index, (a, b)) in zip(rolledSums, sums).enumerated() {
                // Sums of seconds in another order differ in the last bits only.
                XCTAssertEqual(a, b, accuracy: 1e-6, "\(table) \(key) sum \(index)", file: file, line: line)
            }
        }
    }
}
