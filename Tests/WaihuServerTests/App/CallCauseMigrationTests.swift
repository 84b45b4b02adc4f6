import Fluent
import Foundation
import SQLKit
import WaihuDomain
import XCTest
@testable import WaihuServer

/// A database from before call causes (issue 17) takes the new columns and tables with its
/// rows intact: campaign leads get an empty 关机 run and no cause, old call attempts no cause
/// and still count as invalid by their outcome; number checks stay off (SQLite, or PostgreSQL
/// when WAIHU_TEST_DATABASE is set).
final class CallCauseMigrationTests: XCTestCase {
    private let added: [any AsyncMigration] = [AddCallCauses(), CreateCallProgressAudio(), CreateSystemSettings()]

    func testAnExistingDatabaseKeepsItsRowsAndGainsTheCauses() async throws {
        try await TestServer.with { server in
            let db = server.app.db
            let sql = try XCTUnwrap(db as? SQLDatabase)
            try await CallCauseStage.importBatch(server, "旧名单", ["13900139001", "13900139002"])
            let stage = try await CallCauseStage.campaign(server, batches: ["旧名单"])

            // Back to the schema before causes, then rows written as the old server wrote them.
            for migration in added.reversed() { try await migration.revert(on: db) }
            try await sql.raw("""
                UPDATE campaign_leads SET last_outcome = 'invalid', state = 'done', done_reason = 'invalid_number'
                WHERE lead_id = (SELECT id FROM leads WHERE phone_key = '+8613900139001')
                """).run()
            struct Lead: Decodable { var id: Int }
            let found = try await sql.raw("SELECT id FROM leads WHERE phone_key = '+8613900139001'").first(decoding: Lead.self)
            let lead = try XCTUnwrap(found)
            let placed = Date().timeIntervalSince1970 - 60
            let day = LocalClock().dayAndHour(Date(timeIntervalSince1970: placed))
            try await sql.raw("""
                INSERT INTO ev_call_attempts (call_id, lead_id, campaign_id, number, placed_at, ended_at, outcome, talk_seconds,
                    playback_seconds, list_batch, list_source, local_day, local_hour, simulated)
                VALUES ('old-1', \(bind: String(lead.id)), '续保', '13900139001', \(bind: placed), \(bind: placed + 4), 'invalid', 0, 0,
                    '旧名单', '平安续保', \(bind: day.day), \(bind: day.hour), \(SQLLiteral.boolean(false)))
                """).run()

            for migration in added { try await migration.prepare(on: db) }

            struct Row: Decodable { var unreachable_count: Int; var unreachable_since: Double?; var last_cause: String?; var last_outcome: String? }
            let rows = try await sql.raw("""
                SELECT unreachable_count, unreachable_since, last_cause, last_outcome FROM campaign_leads
                WHERE campaign_id = \(bind: stage.campaignID)
                """).all(decoding: Row.self)
            XCTAssertEqual(rows.count, 2)
            XCTAssertEqual(rows.map(\.unreachable_count), [0, 0])
            XCTAssertTrue(rows.allSatisfy { $0.unreachable_since == nil && $0.last_cause == nil })
            XCTAssertEqual(Set(rows.compactMap(\.last_outcome)), ["invalid"], "the old outcome is kept")

            let batches = try await ListStatistics(database: db).batches()
            let old = try XCTUnwrap(batches.first { $0.name == "旧名单" })
            XCTAssertEqual(old.dialled, 1)
            XCTAssertEqual(old.invalidLeads, 1, "an old invalid call still counts")
            XCTAssertEqual(old.invalidByCause["unspecified"], 1)

            struct Count: Decodable { var n: Int }
            let audio = try await sql.raw("SELECT COUNT(*) AS n FROM call_progress_audio").first(decoding: Count.self)
            XCTAssertEqual(audio?.n, 0)
            let cleanse = try await SystemSettings(database: db).isOn(.cleanseEnabled)
            XCTAssertFalse(cleanse)

            // And the upgraded database takes a new call with its cause.
            try await stage.call("13900139002", .poweredOff, evidence: "sip 480; q850 20")
            let after = try await sql.raw("""
                SELECT unreachable_count, unreachable_since, last_cause, last_outcome FROM campaign_leads
                WHERE lead_id = (SELECT id FROM leads WHERE phone_key = '+8613900139002')
                """).first(decoding: Row.self)
            XCTAssertEqual(after?.unreachable_count, 1)
            XCTAssertEqual(after?.last_cause, "powered_off")
        }
    }
}
