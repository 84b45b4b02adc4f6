import Foundation
import NIOConcurrencyHelpers
import SQLKit
import WaihuDialer
import WaihuDomain
import XCTest
@testable import WaihuServer

/// Which lead the queue hands out next, on the real database: a personal callback goes to
/// its own agent first and to the team only after the plan's grace; the plan's lead order
/// and list mix change which lead is dialed next; the do-not-call rule reads the same in
/// SQL as in Swift.
final class LeadSelectionTests: XCTestCase {
    private var openAllDay: CampaignPlan {
        var plan = CampaignPlan(mode: .progressive)
        plan.gate.window = try! CallingWindow(opensAtMinute: 0, closesAtMinute: 1440)
        return plan
    }

    private func importBatch(_ server: TestServer, _ name: String, _ rows: [(String, String, String?)]) async throws {
        var csv = "姓名,电话,续保日期\n"
        for (customer, phone, renewal) in rows { csv += "\(customer),\(phone),\(renewal ?? "")\n" }
        let url = try LeadFixtures.temporaryFile("\(name).csv", csv)
        _ = try await LeadImporter(database: server.app.db, actor: .console())
            .run(.init(file: url, batchName: name, sourceName: "s", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
    }

    private func createCampaign(_ server: TestServer, plan: CampaignPlan, batches: [String]) async throws -> Int {
        try await CampaignAdministration(database: server.app.db, actor: .console(), dataDirectory: server.dataDirectory)
            .create(.init(name: "c", plan: plan, batches: batches)).id
    }

    private func drain(_ queue: DatabaseLeadQueue) async throws -> [String] {
        var numbers: [String] = []
        while case .lead(let lead) = try await queue.nextLead() { numbers.append(lead.number) }
        return numbers
    }

    func testAPersonalCallbackIsOfferedToItsOwnAgentFirstThenToTheTeam() async throws {
        try await TestServer.with { server in
            let people = UserAdministration(database: server.app.db, actor: .console(), passwords: server.app.passwordHashing)
            _ = try await people.createTeam(name: "A组", leaderUsername: nil)
            _ = try await people.createTeam(name: "B组", leaderUsername: nil)
            for (name, team) in [("zhang", "A组"), ("li", "A组"), ("wang", "B组")] {
                _ = try await people.createUser(.init(username: name, role: .agent, teamName: team, password: "secret-pass-1"))
            }
            let zhang = DatabaseLeadQueue.ReadyAgent(username: "zhang", team: "A组", phone: "8001")
            let li = DatabaseLeadQueue.ReadyAgent(username: "li", team: "A组", phone: "8002")
            let wang = DatabaseLeadQueue.ReadyAgent(username: "wang", team: "B组", phone: "8003")
            try await importBatch(server, "b", [("客户", "13900139000", nil)])
            var plan = openAllDay
            plan.callbackGraceMinutes = 10
            let id = try await createCampaign(server, plan: plan, batches: ["b"])
            let ready = NIOLockedValueBox<[DatabaseLeadQueue.ReadyAgent]>([])
            let queue = DatabaseLeadQueue(database: server.app.db, campaignID: id, plan: plan, node: "a",
                                          readyAgents: { ready.withLockedValue { $0 } })
            guard let sql = server.app.db as? SQLDatabase else { return XCTFail() }

            // zhang talks to the customer, who asks zhang to call back: a personal callback, due now.
            guard case .lead(let first) = try await queue.nextLead() else { return XCTFail("the lead is due") }
            let now = Date()
            try await CampaignLeadStore(sql: sql).apply(
                CampaignLeadLifecycle().afterCall(.answered, mode: .progressive, connectedToAgent: true, at: now),
                callID: first.callID, call: .init(outcome: .answered, attemptAt: now, agent: "zhang"))
            _ = try await DispositionRecorder(database: server.app.db, clock: LocalClock())
                .save(.init(call_id: first.callID, code: "callback", note: nil, callback_at: now, callback_personal: true),
                      agent: "zhang", actor: .console())

            // Within the grace, nobody but zhang gets it: not his teammate, not another team.
            ready.withLockedValue { $0 = [li, wang] }
            var next = try await queue.nextLead()
            XCTAssertEqual(next, .notNow, "li and wang are ready, but the callback is zhang's")
            next = try await queue.nextLead(for: li)
            XCTAssertEqual(next, .notNow, "nor can li preview it")
            ready.withLockedValue { $0 = [li, zhang, wang] }
            guard case .lead(let mine) = try await queue.nextLead() else { return XCTFail("zhang is ready: his callback is due") }
            XCTAssertEqual(mine.reservedAgent, "8001", "the customer goes to zhang's phone")

            // zhang skipped it (as a preview): it is his again, until the grace has passed.
            try await CampaignCallLog.releaseClaim(callID: mine.callID, on: server.app.db)
            let ownPreview = try await queue.nextLead(for: zhang)
            guard case .lead(let previewed) = ownPreview else { return XCTFail("zhang previews his own callback: \(ownPreview)") }
            try await CampaignCallLog.releaseClaim(callID: previewed.callID, on: server.app.db)

            // Eleven minutes late (grace 10): his team may take it, another team still not.
            let late = now.addingTimeInterval(-11 * 60).timeIntervalSince1970
            try await sql.raw("UPDATE campaign_leads SET callback_at = \(bind: late), next_dial_at = \(bind: late) WHERE campaign_id = \(bind: id)").run()
            ready.withLockedValue { $0 = [wang] }
            next = try await queue.nextLead()
            XCTAssertEqual(next, .notNow, "wang is of another team")
            ready.withLockedValue { $0 = [wang, li] }
            guard case .lead(let team) = try await queue.nextLead() else { return XCTFail("li is of zhang's team") }
            XCTAssertEqual(team.reservedAgent, "8002")
        }
    }

    func testLeadOrderAndListMixChooseTheNextLead() async throws {
        try await TestServer.with { server in
            try await importBatch(server, "续保", [("甲", "13900139001", "2026-05-20"), ("乙", "13900139002", "2026-04-10"),
                                                 ("丙", "13900139003", nil), ("丁", "13900139004", "2026-04-30")])
            try await importBatch(server, "新客", [("戊", "13700137001", nil), ("己", "13700137002", nil)])
            // Earliest renewal first; leads without a date last, by id.
            var plan = openAllDay
            plan.leadOrdering = LeadOrdering(keys: [.renewalDate])
            let id = try await createCampaign(server, plan: plan, batches: ["续保", "新客"])
            let ordered = try await drain(DatabaseLeadQueue(database: server.app.db, campaignID: id, plan: plan, node: "a"))
            XCTAssertEqual(ordered, ["13900139002", "13900139004", "13900139001", "13900139003", "13700137001", "13700137002"])
        }
        try await TestServer.with { server in
            try await importBatch(server, "续保", (1...6).map { ("R\($0)", "1390013900\($0)", nil) })
            try await importBatch(server, "新客", (1...6).map { ("N\($0)", "1370013700\($0)", nil) })
            // Two renewals for each new customer, smoothly interleaved, until a list runs dry.
            var plan = openAllDay
            plan.listMix = ["续保": 2, "新客": 1]
            let id = try await createCampaign(server, plan: plan, batches: ["续保", "新客"])
            let mixed = try await drain(DatabaseLeadQueue(database: server.app.db, campaignID: id, plan: plan, node: "a"))
            XCTAssertEqual(mixed.map { $0.hasPrefix("139") ? "R" : "N" }.joined(), "RNRRNRRNRNNN")
            XCTAssertEqual(Set(mixed).count, 12)
        }
    }

    func testTheDoNotCallRuleReadsTheSameInSQLAsInSwift() async throws {
        try await TestServer.with { server in
            let list = DoNotCallList(database: server.app.db, actor: .console())
            let entries: [(String, String?)] = [("13900139001", nil), ("13900139002", "2026-12-02"), ("13900139003", "2026-12-03"),
                                                ("13900139004", "2026-12-04"), ("13900139005", "2025-01-01")]
            for (number, until) in entries {
                _ = try await list.add(number, reason: "测试", until: until.flatMap { CalendarDay($0) })
            }
            guard let sql = server.app.db as? SQLDatabase else { return XCTFail() }
            for day in ["2026-12-02", "2026-12-03", "2026-12-04", "2024-06-01"] {
                let inSQL = Set(try await sql.select().column("phone_key").from(DoNotCallRecord.schema)
                    .where(SQLRaw(DoNotCallRule.sqlCondition(lastDayColumn: #""until""#, on: day)))
                    .all(decodingColumn: "phone_key", as: String.self))
                let inSwift = Set(entries.filter { DoNotCallRule.isActive(lastDay: $0.1, on: day) }.map { "+86" + $0.0 })
                XCTAssertEqual(inSQL, inSwift, day)
            }
        }
    }
}
