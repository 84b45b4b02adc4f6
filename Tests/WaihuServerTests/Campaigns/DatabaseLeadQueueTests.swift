import Foundation
import SQLKit
import WaihuDialer
import WaihuDomain
import XCTest
@testable import WaihuServer

/// The campaign's lead queue on the real database (SQLite, or PostgreSQL in CI): the dial
/// gate applied at the moment of dialing, claims that no second dialer can take, and leads
/// put aside with their reason.
final class DatabaseLeadQueueTests: XCTestCase {
    private func campaign(_ server: TestServer, leads: Int, plan: CampaignPlan) async throws -> Int {
        var csv = "姓名,电话\n"
        for i in 0..<leads { csv += "客户\(i),1390013\(String(format: "%04d", i))\n" }
        let url = try LeadFixtures.temporaryFile("q.csv", csv)
        _ = try await LeadImporter(database: server.app.db, actor: .console())
            .run(.init(file: url, batchName: "b", sourceName: "s", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
        let view = try await CampaignAdministration(database: server.app.db, actor: .console(), dataDirectory: server.dataDirectory)
            .create(.init(name: "c", plan: plan, batches: ["b"]))
        return view.id
    }

    private var openAllDay: CampaignPlan {
        var plan = CampaignPlan(mode: .progressive)
        plan.gate.window = try! CallingWindow(opensAtMinute: 0, closesAtMinute: 1440)
        plan.gate.attempts = AttemptPolicy(maxAttemptsPerLead: 2, maxAttemptsPerDay: 2)
        return plan
    }

    func testEachLeadIsClaimedOnceEvenByTwoDialers() async throws {
        try await TestServer.with { server in
            let id = try await campaign(server, leads: 30, plan: openAllDay)
            let a = DatabaseLeadQueue(database: server.app.db, campaignID: id, plan: openAllDay, node: "a")
            let b = DatabaseLeadQueue(database: server.app.db, campaignID: id, plan: openAllDay, node: "b")
            var claimed: [Int64] = []
            await withTaskGroup(of: [Int64].self) { group in
                for queue in [a, b] {
                    group.addTask {
                        var mine: [Int64] = []
                        while case .lead(let lead)? = try? await queue.nextLead() { mine.append(lead.id) }
                        return mine
                    }
                }
                for await part in group { claimed += part }
            }
            XCTAssertEqual(claimed.count, 30)
            XCTAssertEqual(Set(claimed).count, 30, "no lead handed out twice")
            // All claimed and in flight: not finished, nothing to dial now.
            let next = try await a.nextLead()
            XCTAssertEqual(next, .notNow)
        }
    }

    func testDoNotCallAtDialTimeWindowAndAttemptLimits() async throws {
        try await TestServer.with { server in
            let id = try await campaign(server, leads: 3, plan: openAllDay)
            // Listed after the campaign was made: still never dialed.
            try await DoNotCallList(database: server.app.db, actor: .console()).add("13900130001", reason: "投诉", until: nil)
            let queue = DatabaseLeadQueue(database: server.app.db, campaignID: id, plan: openAllDay, node: "a")
            var numbers: [String] = []
            while case .lead(let lead) = try await queue.nextLead() { numbers.append(lead.number) }
            XCTAssertEqual(numbers, ["13900130000", "13900130002"])
            let view = try await CampaignAdministration(database: server.app.db, actor: .console(), dataDirectory: server.dataDirectory).view(id)
            XCTAssertEqual(view.shortage.reasons.first { $0.reason == "dnc" }?.leads, 1)

            // A busy lead waits its retry delay, then is dialed again, up to its attempt limit.
            guard let sql = server.app.db as? SQLDatabase else { return XCTFail() }
            let store = CampaignLeadStore(sql: sql)
            let lifecycle = CampaignLeadLifecycle(retry: openAllDay.gate.attempts.retry)
            let longAgo = Date().addingTimeInterval(-10_000)
            func endCalls(_ numbers: [String]) async throws {
                for number in numbers {
                    let callID = try await sql.raw("""
                        SELECT cl.call_id AS call_id FROM campaign_leads cl JOIN leads l ON l.id = cl.lead_id
                        WHERE l.phone = \(bind: number) AND cl.state = 'dialing'
                        """).first(decoding: CallRow.self)?.call_id
                    let moved = try await store.apply(lifecycle.afterCall(.busy, mode: .progressive, connectedToAgent: false, at: longAgo),
                                                      callID: XCTUnwrap(callID), call: .init(outcome: .busy, attemptAt: longAgo))
                    XCTAssertTrue(moved)
                }
            }
            try await endCalls(numbers)
            var again: [String] = []
            while case .lead(let lead) = try await queue.nextLead() { again.append(lead.number) }
            XCTAssertEqual(again.count, 2, "second attempts after the retry delay")
            try await endCalls(again)
            let exhausted = try await queue.nextLead()
            XCTAssertEqual(exhausted, .finished, "both reached 2 attempts: the campaign is finished")
            let after = try await CampaignAdministration(database: server.app.db, actor: .console(), dataDirectory: server.dataDirectory).view(id)
            XCTAssertEqual(after.shortage.reasons.first { $0.reason == "attempt_limit" }?.leads, 2)

            // A window that is closed now: nothing is dialed, and the campaign is not finished.
            var closed = openAllDay
            let minute = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: Date())
            let now = (minute.hour ?? 0) * 60 + (minute.minute ?? 0)
            // An hour that does not hold the present minute.
            closed.gate.window = now < 720 ? try CallingWindow(opensAtMinute: 780, closesAtMinute: 840)
                                           : try CallingWindow(opensAtMinute: 60, closesAtMinute: 120)
            let fresh = try await campaign2(server, plan: closed)
            let windowQueue = DatabaseLeadQueue(database: server.app.db, campaignID: fresh, plan: closed, node: "a")
            let none = try await windowQueue.nextLead()
            XCTAssertEqual(none, .notNow)
        }
    }

    /// Leads stored before the dialing rules and the events shared one outcome vocabulary keep
    /// their history: the old words are rewritten, and a vacant number is still never redialed.
    func testOldOutcomeWordsAreRewrittenAndStillObeyed() async throws {
        try await TestServer.with { server in
            let id = try await campaign(server, leads: 3, plan: openAllDay)
            guard let sql = server.app.db as? SQLDatabase else { return XCTFail() }
            let longAgo = Date().timeIntervalSince1970 - 100_000
            for (index, old) in ["live_answer", "network_failure", "vacant"].enumerated() {
                try await sql.raw("""
                    UPDATE campaign_leads SET last_outcome = \(bind: old), last_attempt_at = \(bind: longAgo), attempts = 1
                    WHERE campaign_id = \(bind: id) AND lead_id = (SELECT MIN(lead_id) + \(bind: index) FROM campaign_leads)
                    """).run()
            }
            try await StoreCallOutcomesOnCampaignLeads().prepare(on: server.app.db)
            struct Row: Decodable { var last_outcome: String? }
            let stored = try await sql.raw("SELECT last_outcome FROM campaign_leads ORDER BY lead_id").all(decoding: Row.self)
            XCTAssertEqual(stored.map(\.last_outcome), ["answered", "failed", "invalid"])
            let queue = DatabaseLeadQueue(database: server.app.db, campaignID: id, plan: openAllDay, node: "a")
            var numbers: [String] = []
            while case .lead(let lead) = try await queue.nextLead() { numbers.append(lead.number) }
            XCTAssertEqual(numbers, ["13900130000", "13900130001"], "the vacant number is not dialed")
        }
    }

    private struct CallRow: Decodable { var call_id: String }

    private func campaign2(_ server: TestServer, plan: CampaignPlan) async throws -> Int {
        let url = try LeadFixtures.temporaryFile("q2.csv", "姓名,电话\n新客,13700137000\n")
        _ = try await LeadImporter(database: server.app.db, actor: .console())
            .run(.init(file: url, batchName: "b2", sourceName: "s", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
        return try await CampaignAdministration(database: server.app.db, actor: .console(), dataDirectory: server.dataDirectory)
            .create(.init(name: "c2", plan: plan, batches: ["b2"])).id
    }
}
