import Foundation
import SQLKit
import WaihuDomain
@testable import WaihuServer
import XCTest

/// The domain's rules as the reports and the list statistics apply them, on one hand-made
/// day (2026-11-02, Asia/Shanghai) whose leads are real leads of a batch.
///
/// Batch B1 (source S1, 2.00 yuan a lead) holds leads 1–6. Calls and dispositions:
/// - lead 1: answered (a1, 300 s) → 成交 success                        contact
/// - lead 2: answered (a1, 200 s) → 非本人 wrong party                   not a contact
/// - lead 3: no answer, then answered (a1, 400 s) → 嫌贵 refusal         contact
/// - lead 4: answered (a1, 60 s) → 传真 invalid number (a fax line)      not a contact, invalid
/// - lead 5: 空号 (a1, outcome invalid), no disposition                  invalid
/// - lead 6: answered (a2, 100 s) → 嫌贵 refusal                         contact
/// Leads dialled 6; contacted 1, 3, 6 → 接触率 3 / 6 = 50 %. Answered were 1, 2, 3, 4, 6 (5 of
/// 6): counting answers as contacts would say 83.3 %.
/// Invalid leads 4 (disposition) and 5 (outcome) → 无效数据比率 2 / 6 = 33.3 %; a1 2 / 5 = 40 %.
enum DomainRulesDay {
    static let day = "2026-11-02"

    /// Imports batch B1 and returns its lead ids in file order.
    static func importLeads(_ server: TestServer) async throws -> [String] {
        var csv = "姓名,电话\n"
        for index in 1...6 { csv += "客户\(index),1380000001\(index)\n" }
        let url = try LeadFixtures.temporaryFile("b1.csv", csv)
        _ = try await LeadImporter(database: server.app.db, actor: .console())
            .run(.init(file: url, batchName: "B1", sourceName: "S1", costPerLead: 2.0,
                       options: LeadFileOptions(asOf: LeadFixtures.asOf)))
        let sql = try XCTUnwrap(server.app.db as? SQLDatabase)
        let rows = try await sql.raw("SELECT id FROM leads ORDER BY id").all()
        let ids = try rows.map { String(try $0.decode(column: "id", as: Int.self)) }
        XCTAssertEqual(ids.count, 6)
        return ids
    }

    static func events(leads l: [String]) -> String {
        func call(_ id: String, _ lead: String, _ agent: String, _ at: String, _ outcome: String, talk: Int = 0, attempt: Int = 1) -> String {
            let answered = outcome == "answered" ? #","answered_at":"\#(day)T\#(at):10+08:00""# : ""
            let talkField = talk > 0 ? #","talk_seconds":\#(talk)"# : ""
            return #"{"type":"call_attempt","call_id":"\#(id)","lead_id":"\#(lead)","campaign_id":"C1","number":"1","placed_at":"\#(day)T\#(at):00+08:00"\#(answered),"ended_at":"\#(day)T\#(at):50+08:00","outcome":"\#(outcome)","agent_id":"\#(agent)"\#(talkField),"attempt_number":\#(attempt),"list_batch":"B1","list_source":"S1"}"#
        }
        func disposition(_ call: String, _ lead: String, _ agent: String, _ code: String, _ category: String) -> String {
            #"{"type":"disposition","lead_id":"\#(lead)","campaign_id":"C1","call_id":"\#(call)","agent_id":"\#(agent)","code":"\#(code)","category":"\#(category)","at":"\#(day)T10:30:00+08:00"}"#
        }
        return [
            #"{"type":"employment","agent_id":"a1","name":"张一","skill":"dual","hired_on":"2026-01-01","team_id":"T1"}"#,
            #"{"type":"employment","agent_id":"a2","name":"张二","skill":"outbound","hired_on":"2026-01-01","team_id":"T2"}"#,
            call("k1", l[0], "a1", "09:21", "answered", talk: 300),
            call("k2", l[1], "a1", "09:26", "answered", talk: 200),
            call("k3", l[2], "a1", "09:30", "no_answer"),
            call("k4", l[2], "a1", "09:31", "answered", talk: 400, attempt: 2),
            call("k5", l[3], "a1", "09:36", "answered", talk: 60),
            call("k6", l[4], "a1", "09:38", "invalid"),
            call("k7", l[5], "a2", "09:30", "answered", talk: 100),
            disposition("k1", l[0], "a1", "成交", "success"),
            disposition("k2", l[1], "a1", "非本人", "wrong_party"),
            disposition("k4", l[2], "a1", "嫌贵", "refusal"),
            disposition("k5", l[3], "a1", "传真", "invalid_number"),
            disposition("k7", l[5], "a2", "嫌贵", "refusal"),
        ].joined(separator: "\n")
    }

    static func importEvents(_ server: TestServer, leads: [String], token: String) async throws {
        let reply = try await server.request(.POST, "/api/v1/events/import", token: token, body: events(leads: leads))
        XCTAssertEqual(reply.status, 201, reply.text)
    }

    static func report(_ server: TestServer, _ name: String, token: String, groupBy: String? = nil) async throws -> ReportReply {
        let group = groupBy.map { "&group_by=\($0)" } ?? ""
        return try ReportReply(try await server.request(.GET, "/api/v1/reports/\(name)?from=\(day)&to=\(day)\(group)", token: token))
    }
}

final class ReportDomainRulesTests: XCTestCase {
    /// 接触 (`ContactRule`): the list-quality report and the batch statistics count the same
    /// leads as contacted.
    func testReportsAndListStatisticsCountTheSameContacts() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            let leads = try await DomainRulesDay.importLeads(server)
            try await DomainRulesDay.importEvents(server, leads: leads, token: admin)

            let quality = try await DomainRulesDay.report(server, "list_quality", token: admin, groupBy: "batch")
            XCTAssertEqual(quality.keys, ["B1"])
            assertFigure(quality, "B1", "leads_dialled", 6)
            assertFigure(quality, "B1", "lead_contact_rate", 50)

            let batches = try await server.request(.GET, "/api/v1/batches", token: admin).jsonArray
            let batch = try XCTUnwrap(batches.first { $0["name"] as? String == "B1" })
            XCTAssertEqual(batch["dialled"] as? Int, 6)
            XCTAssertEqual(batch["contacted"] as? Int, 3, "leads 1, 3 and 6; an answer by a stranger or a fax is no contact")
            let rate = try XCTUnwrap(batch["contact_rate"] as? Double)
            XCTAssertEqual(rate * 100, try XCTUnwrap(quality.value("B1", "lead_contact_rate")), accuracy: 1e-9)

            let sources = try await server.request(.GET, "/api/v1/sources", token: admin).jsonArray
            let source = try XCTUnwrap(sources.first { $0["name"] as? String == "S1" })
            XCTAssertEqual(try XCTUnwrap(source["contact_rate"] as? Double), 0.5, accuracy: 1e-9)
            let bySource = try await DomainRulesDay.report(server, "list_quality", token: admin)
            assertFigure(bySource, "S1", "lead_contact_rate", 50)

            // The agent report reads the same rule: a1 contacted 1 and 3 of the 5 leads dialled.
            let agents = try await DomainRulesDay.report(server, "agent", token: admin)
            assertFigure(agents, "a1", "lead_contact_rate", 40)
            assertFigure(agents, "a2", "lead_contact_rate", 100)
        }
    }

    /// 无效数据比率 (`InvalidLeadRule`): a lead is invalid when a call ended 空号 or an agent
    /// recorded the number as invalid (lead 4, a fax line that answered). The network's verdict
    /// alone gave a1 1 / 5 = 20 % and the day 1 / 6 = 16.7 %.
    func testInvalidDataRateCountsInvalidNumberDispositions() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            let leads = try await DomainRulesDay.importLeads(server)
            try await DomainRulesDay.importEvents(server, leads: leads, token: admin)

            let agents = try await DomainRulesDay.report(server, "agent", token: admin)
            assertFigure(agents, "a1", "invalid_rate", 40)        // leads 4 and 5 of 1–5
            assertFigure(agents, "a2", "invalid_rate", 0)
            assertFigure(agents, "total", "invalid_rate", 33.3333) // 2 / 6
            let teams = try await DomainRulesDay.report(server, "team", token: admin)
            assertFigure(teams, "T1", "invalid_rate", 40)
            assertFigure(teams, "T2", "invalid_rate", 0)
            let campaigns = try await DomainRulesDay.report(server, "campaign", token: admin)
            assertFigure(campaigns, "C1", "invalid_rate", 33.3333)
            let quality = try await DomainRulesDay.report(server, "list_quality", token: admin, groupBy: "batch")
            assertFigure(quality, "B1", "invalid_rate", 33.3333)
            let weekly = try await DomainRulesDay.report(server, "weekly", token: admin)
            assertFigure(weekly, "total", "valid_rate", 66.6667)
        }
    }

    /// The list-quality report with the lead tables' side: B1 holds 6 leads at 2.00 yuan, one
    /// found vacant by list cleaning (status invalid), one success on the day.
    func testListQualityShowsListTotalValidRateAndCosts() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            let leads = try await DomainRulesDay.importLeads(server)
            try await DomainRulesDay.importEvents(server, leads: leads, token: admin)
            let sql = try XCTUnwrap(server.app.db as? SQLDatabase)
            try await sql.raw("UPDATE leads SET status = 'invalid' WHERE id = \(bind: Int(leads[4])!)").run()

            let quality = try await DomainRulesDay.report(server, "list_quality", token: admin, groupBy: "batch")
            XCTAssertEqual(Array(quality.columns.prefix(2)), ["list_data_total", "valid_number_rate"])
            assertFigure(quality, "B1", "list_data_total", 6)
            assertFigure(quality, "B1", "valid_number_rate", 83.3333)  // 5 / 6
            assertFigure(quality, "B1", "invalid_data_total", 2)
            assertFigure(quality, "B1", "cost_per_lead", 2)
            assertFigure(quality, "B1", "cost_per_success", 12)        // 12.00 yuan / 1 success
            assertFigure(quality, "total", "cost_per_success", 12)
            let bySource = try await DomainRulesDay.report(server, "list_quality", token: admin)
            assertFigure(bySource, "S1", "list_data_total", 6)
            assertFigure(bySource, "S1", "cost_per_lead", 2)

            // A list's cost is nobody's own figure: an agent sees their calls, not the costs.
            let agent = try await server.userToken("a1", role: "agent")
            let own = try await DomainRulesDay.report(server, "list_quality", token: agent, groupBy: "batch")
            assertFigure(own, "B1", "invalid_data_total", 2)
            XCTAssertTrue(own.isNull("B1", "cost_per_success"))
            XCTAssertTrue(own.isNull("B1", "list_data_total"))
        }
    }
}
