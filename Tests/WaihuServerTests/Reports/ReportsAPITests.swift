import Foundation
import XCTest

/// Reports from a hand-written JSON Lines file, checked against figures computed by hand
/// (Tests/Fixtures/reports-two-days.jsonl, 2026-11-02 and 2026-11-03, Asia/Shanghai).
///
/// Hand computation, per agent (state intervals; an interval across 10:00 is split, not lost):
/// - a1 (T1, C1): day 1 ready 600 + on_call 600 + wrap_up 300 + not_ready 1200 + ready 900;
///   day 2 on_call 1800 + help 600 + ready 1200 → logged in 7200, talk 2400, wrap-up 300,
///   not ready 1200, idle 2700 → 工时效率 33.333 %, 示忙率 16.667 %, 空闲率 37.5 %.
/// - a2 (T1, C2): ready 1800, on_call 1200, wrap_up 09:50–10:10 1200 → 4200;
///   工时效率 28.571 %, 空闲率 42.857 %, 示忙率 0 %.
/// - b1 (T2, C1): ready 300, not_ready 600, on_call 900 → 1800; 工时效率 50 %, 示忙率 33.333 %.
/// Calls: a1 c1 c2 c3 c4 (4 placed; c1 600 s and c3 1800 s connected; leads L1 L2 L3, L2 invalid;
/// first dials c1, c2 and c3, the earliest of L3 with no attempt number) → 每小时呼叫次数 4 / 1.5 h
/// spent calling (7200 s less the 1200 s meal and the 600 s help request) = 2.667, per logged-in hour 4 / 2 h = 2.0,
/// 项目呼出均长 2400 / 2 = 1200 s, 联系率 2/3 = 66.667 %, 无效率 1/3 = 33.333 %, 日均首拨 3 / 2 days = 1.5.
/// a2 c5 (1 placed, 1200 s) → 1 / 1.1667 h = 0.857 per hour. b1 c7 (900 s) and c8 (machine) → 2 / (1800 s
/// less the 600 s break) = 6.0 per hour spent calling, 2 / 0.5 h = 4.0 per logged-in hour.
/// Dispositions: a1 success (L1) and refusal (L3) → 成功率 1/2 = 50 %, 成功值 1 × 50 = 50, 净成功率 1/3;
/// a2 success → 100 %, 成功值 100; b1 wrong party + callback → 0 %, 接触成功率 0/1 (L6 not a contact).
/// Sales: a1 3280.50 with an entry error (准确率 0 %); a2 1000, cancelled (注销率 100 %).
/// QA: a1 excellent pass + fail → 合格率 50 %, 优秀率 50 %; b1 pass → 100 %.
/// Complaints: a1 one outbound, at fault → 投诉率 1/2 = 50 %, 投诉案件 1. Violations: b1 1.
/// SMS: a1's number replied satisfied then dissatisfied → latest counts → 0 %; a2 satisfied → 100 %.
/// Roster: a1 2 days present of 2 (100 %), a2 1 of 1 (leave day excluded), b1 1 of 2 (50 %);
/// a1 排班 16 h, 工时吻合率 7200 / 57600 = 12.5 %. b1 left on 11-03: T2 流失率 1 / ((1 + 0) / 2) = 200 %.
/// Scale: one seat logged in at (S1, a1); on 11-03 a1 (dual), a2 and b1 (outbound, last day) employed.
/// 示忙时长 by reason: a1 meal 1200 s, b1 break 600 s. 人均呼出通话量: 4 connected calls / 3 agents who
/// had one = 1.333. 净保费: a2's 1000 was cancelled, so T1 4280.50 gross, 3280.50 net.
final class ReportsAPITests: XCTestCase {
    func testAgentTeamAndCampaignReportsGiveTheHandComputedFigures() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            try await ReportFixture.importFixture(server, token: admin)

            let agents = try ReportReply(try await server.request(.GET, "/api/v1/reports/agent?\(ReportFixture.period)", token: admin))
            XCTAssertEqual(agents.keys, ["a1", "a2", "b1", ""], "unassigned calls (c6, c9) in their own row, last")
            assertFigure(agents, "a1", "logged_in_time", 7200)
            assertFigure(agents, "a1", "talk_time", 2400)
            assertFigure(agents, "a1", "wrap_up_time", 300)
            assertFigure(agents, "a1", "work_time_efficiency", 33.3333)
            assertFigure(agents, "a1", "not_ready_rate", 16.6667)
            assertFigure(agents, "a1", "idle_rate", 37.5)
            assertFigure(agents, "a1", "not_ready_count", 1)
            assertFigure(agents, "a1", "help_request_count", 1)
            assertFigure(agents, "a1", "login_count", 2)
            assertFigure(agents, "a1", "calls_placed", 4)
            assertFigure(agents, "a1", "agent_connected_calls", 2)
            assertFigure(agents, "a1", "average_handle_time", 1200)
            assertFigure(agents, "a1", "calls_per_hour", 2.66667)
            assertFigure(agents, "a1", "calling_time", 5400)
            assertFigure(agents, "a1", "calls_per_logged_in_hour", 2.0)
            assertFigure(agents, "a1", "contact_rate", 66.6667)
            assertFigure(agents, "a1", "invalid_rate", 33.3333)
            assertFigure(agents, "a1", "first_dials_per_day", 1.5)
            assertFigure(agents, "a1", "average_daily_talk_time", 1200)
            assertFigure(agents, "a1", "online_success_count", 1)
            assertFigure(agents, "a1", "online_success_rate", 50)
            assertFigure(agents, "a1", "contact_success_rate", 50)
            assertFigure(agents, "a1", "net_success_rate", 33.3333)
            assertFigure(agents, "a1", "success_value", 50)
            assertFigure(agents, "a1", "premium", 3280.50)
            assertFigure(agents, "a1", "policy_entry_accuracy", 0)
            assertFigure(agents, "a1", "qa_pass_rate", 50)
            assertFigure(agents, "a1", "qa_excellent_rate", 50)
            assertFigure(agents, "a1", "complaint_rate", 50)
            assertFigure(agents, "a1", "complaint_cases", 1)
            assertFigure(agents, "a1", "sms_satisfaction", 0)
            assertFigure(agents, "a1", "attendance_rate", 100)
            assertFigure(agents, "a1", "scheduled_hours", 16)
            assertFigure(agents, "a1", "schedule_adherence", 12.5)
            assertFigure(agents, "a1", "seats", 1)
            assertFigure(agents, "a1", "agents", 1)
            assertFigure(agents, "a1", "agents_dual", 1)
            assertFigure(agents, "a1", "not_ready_time_meal", 1200)
            assertFigure(agents, "a1", "not_ready_time_break", 0)
            assertFigure(agents, "a1", "invalid_data_total", 1)
            assertFigure(agents, "a1", "calls_per_agent", 2)
            assertFigure(agents, "a1", "net_premium", 3280.50)

            assertFigure(agents, "a2", "logged_in_time", 4200)
            assertFigure(agents, "a2", "work_time_efficiency", 28.5714)
            assertFigure(agents, "a2", "idle_rate", 42.8571)
            assertFigure(agents, "a2", "not_ready_rate", 0)
            assertFigure(agents, "a2", "calls_per_hour", 0.857143)
            assertFigure(agents, "a2", "success_value", 100)
            assertFigure(agents, "a2", "cancellation_rate", 100)
            assertFigure(agents, "a2", "net_premium", 0)
            assertFigure(agents, "a2", "sms_satisfaction", 100)
            assertFigure(agents, "a2", "attendance_rate", 100)
            XCTAssertTrue(agents.isNull("a2", "qa_pass_rate"), "no QA results: no value, not 0 %")

            assertFigure(agents, "b1", "work_time_efficiency", 50)
            assertFigure(agents, "b1", "not_ready_rate", 33.3333)
            assertFigure(agents, "b1", "calls_per_hour", 6.0)
            assertFigure(agents, "b1", "calls_per_logged_in_hour", 4.0)
            assertFigure(agents, "b1", "online_success_rate", 0)
            assertFigure(agents, "b1", "contact_success_rate", 0)
            assertFigure(agents, "b1", "violations", 1)
            assertFigure(agents, "b1", "not_ready_time_break", 600)
            assertFigure(agents, "b1", "agents_outbound", 1)
            assertFigure(agents, "b1", "attendance_rate", 50)
            assertFigure(agents, "b1", "attrition_rate", 200)
            XCTAssertTrue(agents.isNull("b1", "policy_entry_accuracy"), "no policies: no value")
            assertFigure(agents, "", "calls_placed", 2)

            // Totals: 9 calls, 4 connected with 4500 s → 1125 s; logged in 13200 s.
            assertFigure(agents, "total", "calls_placed", 9)
            assertFigure(agents, "total", "agent_connected_calls", 4)
            assertFigure(agents, "total", "average_handle_time", 1125)
            assertFigure(agents, "total", "logged_in_time", 13200)
            assertFigure(agents, "total", "attendance_rate", 80)
            assertFigure(agents, "total", "attrition_rate", 40) // 1 / ((3 + 2) / 2)
            assertFigure(agents, "total", "seats", 1)
            assertFigure(agents, "total", "agents", 3)
            assertFigure(agents, "total", "agents_dual", 1)
            assertFigure(agents, "total", "agents_outbound", 2)
            assertFigure(agents, "total", "agents_inbound", 0)
            assertFigure(agents, "total", "not_ready_time_meal", 1200)
            assertFigure(agents, "total", "not_ready_time_break", 600)
            assertFigure(agents, "total", "not_ready_time_other", 0)
            assertFigure(agents, "total", "calls_per_agent", 1.33333)
            assertFigure(agents, "total", "invalid_data_total", 1)
            assertFigure(agents, "total", "net_premium", 3280.50)

            // Teams: T1 = a1 + a2, summed part by part (not the mean of the agents' rates).
            let teams = try ReportReply(try await server.request(.GET, "/api/v1/reports/team?\(ReportFixture.period)", token: admin))
            XCTAssertEqual(teams.keys, ["T1", "T2", ""])
            assertFigure(teams, "T1", "logged_in_time", 11400)
            assertFigure(teams, "T1", "work_time_efficiency", 31.5789)  // 3600 / 11400
            assertFigure(teams, "T1", "not_ready_rate", 10.5263)        // 1200 / 11400
            assertFigure(teams, "T1", "idle_rate", 39.4737)             // 4500 / 11400
            assertFigure(teams, "T1", "calls_per_hour", 1.875)          // 5 / 2.6667 h spent calling
            assertFigure(teams, "T1", "calls_per_logged_in_hour", 1.57895) // 5 / 3.1667 h logged in
            assertFigure(teams, "T1", "contact_rate", 75)               // 3 connected / 4 leads
            assertFigure(teams, "T1", "invalid_rate", 25)
            assertFigure(teams, "T1", "first_dials_per_day", 1.33333)   // 4 / 3 agent-days
            assertFigure(teams, "T1", "online_success_rate", 66.6667)   // 2 / 3
            assertFigure(teams, "T1", "net_success_rate", 50)           // 2 / 4
            assertFigure(teams, "T1", "premium", 4280.50)
            assertFigure(teams, "T1", "net_premium", 3280.50)
            assertFigure(teams, "T1", "agents", 2)
            assertFigure(teams, "T1", "calls_per_agent", 1.5)           // 3 connected / a1 and a2
            assertFigure(teams, "T1", "policy_entry_accuracy", 50)
            assertFigure(teams, "T1", "sms_satisfaction", 50)
            assertFigure(teams, "T1", "attendance_rate", 100)
            assertFigure(teams, "T1", "attrition_rate", 0)
            assertFigure(teams, "T2", "work_time_efficiency", 50)
            assertFigure(teams, "T2", "attrition_rate", 200)

            // Campaigns: C1 = a1's and b1's calls and states plus the unassigned c9.
            let campaigns = try ReportReply(try await server.request(.GET, "/api/v1/reports/campaign?\(ReportFixture.period)", token: admin))
            XCTAssertEqual(campaigns.keys, ["C1", "C2"])
            assertFigure(campaigns, "C1", "calls_placed", 7)
            assertFigure(campaigns, "C1", "agent_connected_calls", 3)
            assertFigure(campaigns, "C1", "average_handle_time", 1100)  // 3300 / 3
            assertFigure(campaigns, "C1", "leads_dialled", 6)
            assertFigure(campaigns, "C1", "invalid_rate", 16.6667)      // 1 / 6
            assertFigure(campaigns, "C1", "work_time_efficiency", 36.6667) // 3300 / 9000
            assertFigure(campaigns, "C1", "calls_per_hour", 3.81818)    // 7 / 1.8333 h spent calling
            assertFigure(campaigns, "C1", "calls_per_logged_in_hour", 2.8) // 7 / 2.5 h logged in
            assertFigure(campaigns, "C1", "online_success_rate", 33.3333)
            assertFigure(campaigns, "C1", "net_success_rate", 16.6667)
            assertFigure(campaigns, "C1", "playback_time", 12)
            assertFigure(campaigns, "C1", "calls_per_agent", 1.5)       // c1 c3 c7 / a1 and b1
            assertFigure(campaigns, "C2", "calls_placed", 2)
            assertFigure(campaigns, "C2", "contact_rate", 50)
            assertFigure(campaigns, "C2", "online_success_rate", 100)
            assertFigure(campaigns, "C2", "complaint_rate", 0)
            XCTAssertTrue(campaigns.isNull("C1", "first_dials_per_day"), "logins carry no campaign: no agent-days")

            // One day only: a1 on 11-03 has c3 and c4, 1800 s of talk in 3600 s.
            let day2 = try ReportReply(try await server.request(.GET, "/api/v1/reports/agent?from=2026-11-03&to=2026-11-03", token: admin))
            assertFigure(day2, "a1", "work_time_efficiency", 50)
            assertFigure(day2, "a1", "calls_placed", 2)
            assertFigure(day2, "a2", "calls_placed", 0) // employed, on leave: a row with nothing done
            XCTAssertTrue(day2.isNull("a2", "work_time_efficiency"))

            // Hourly curve: a2's wrap-up 09:50–10:10 puts 600 s into 10:00.
            let hourly = try ReportReply(try await server.request(.GET, "/api/v1/reports/hourly?\(ReportFixture.period)", token: admin))
            XCTAssertEqual(hourly.keys, ["8", "9", "10"])
            assertFigure(hourly, "10", "logged_in_time", 600)
            assertFigure(hourly, "10", "calls_placed", 1)
            assertFigure(hourly, "9", "calls_placed", 7)

            // Rankings: 成功值 a2 100, a1 50, b1 0.
            let rankings = try ReportReply(try await server.request(.GET, "/api/v1/reports/rankings?\(ReportFixture.period)", token: admin))
            XCTAssertEqual(rankings.keys, ["a2", "a1", "b1"])
            assertFigure(rankings, "a2", "success_value_rank", 1)
            // Efficiency: 工时效率 b1 > a1 > a2; 空闲率 b1 < a1 < a2; 示忙率 a2 < a1 < b1 → sums b1 5, a1 6, a2 7.
            assertFigure(rankings, "b1", "efficiency_rank", 1)
            assertFigure(rankings, "a1", "efficiency_rank", 2)
            assertFigure(rankings, "a2", "efficiency_rank", 3)

            // Failure reasons: refusal, wrong party, callback, one each, a third each.
            let failures = try ReportReply(try await server.request(.GET, "/api/v1/reports/failure_reasons?\(ReportFixture.period)", token: admin))
            XCTAssertEqual(Set(failures.keys), ["嫌贵", "非本人", "预约回拨"])
            assertFigure(failures, "嫌贵", "share", 33.3333)

            // List quality per source: S1 has L1 L2 L6 L7 L8, L2 invalid; S2 L3 L4 L5.
            let sources = try ReportReply(try await server.request(.GET, "/api/v1/reports/list_quality?\(ReportFixture.period)", token: admin))
            XCTAssertEqual(sources.keys, ["S1", "S2"])
            assertFigure(sources, "S1", "leads_dialled", 5)
            assertFigure(sources, "S1", "invalid_rate", 20)
            assertFigure(sources, "S2", "online_success_count", 1)      // d3 on c5, through the call
            assertFigure(sources, "S1", "online_success_count", 1)      // d1 on c1

            // Weekly client report: 9 calls, 5 answered (c1 c3 c5 c7 and abandoned c9 is not) …
            let weekly = try ReportReply(try await server.request(.GET, "/api/v1/reports/weekly?\(ReportFixture.period)", token: admin))
            assertFigure(weekly, "total", "calls_placed", 9)
            assertFigure(weekly, "total", "answered", 4)
            assertFigure(weekly, "total", "connection_rate", 44.4444)
            assertFigure(weekly, "total", "complaints", 2)
            assertFigure(weekly, "total", "sms_satisfaction", 50)
        }
    }

    func testCSVAndXLSXHoldTheJSONFiguresAndDownloadsAreAudited() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            try await ReportFixture.importFixture(server, token: admin)
            let path = "/api/v1/reports/agent?\(ReportFixture.period)"
            let json = try ReportReply(try await server.request(.GET, path, token: admin))
            let columns = json.columns

            let csv = try await server.request(.GET, path + "&format=csv", token: admin)
            XCTAssertEqual(csv.status, 200)
            XCTAssertTrue(csv.headers.first(name: "Content-Type")?.contains("text/csv") ?? false)
            XCTAssertTrue(csv.headers.first(name: "Content-Disposition")?.contains("attachment") ?? false)
            let lines = csv.text.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\r\n").map(String.init)
            XCTAssertEqual(lines.count, 1 + 4 + 1, csv.text)
            let csvRows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let labels = ["a1", "a2", "b1", "(未分配 none)", "合计 total"]
            XCTAssertEqual(csvRows.map { $0[0] }, labels)
            for (index, key) in ["a1", "a2", "b1", "", "total"].enumerated() {
                for (column, id) in columns.enumerated() {
                    let cell = csvRows[index][column + 1]
                    if let expected = json.value(key, id) {
                        let number = try XCTUnwrap(Double(cell), "\(key).\(id) = \(cell)")
                        XCTAssertEqual(number, expected, accuracy: max(abs(expected) * 0.001, 0.0001), "\(key).\(id)")
                    } else {
                        XCTAssertEqual(cell, "—", "\(key).\(id)")
                    }
                }
            }

            let xlsx = try await server.request(.GET, path + "&format=xlsx", token: admin)
            XCTAssertEqual(xlsx.status, 200)
            let file = NSTemporaryDirectory() + "waihu-report-\(UUID().uuidString).xlsx"
            try xlsx.body.write(to: URL(fileURLWithPath: file))
            defer { try? FileManager.default.removeItem(atPath: file) }
            let sheet = try readWorkbook(file)
            XCTAssertEqual(sheet.count, 1 + 5)
            XCTAssertEqual(sheet.dropFirst().map { $0[0] as? String }, labels)
            for (index, key) in ["a1", "a2", "b1", "", "total"].enumerated() {
                for (column, id) in columns.enumerated() {
                    let cell = sheet[index + 1][column + 1]
                    if let expected = json.value(key, id) {
                        let number = try XCTUnwrap((cell as? NSNumber)?.doubleValue, "\(key).\(id) = \(cell)")
                        XCTAssertEqual(number, expected, accuracy: max(abs(expected) * 1e-9, 1e-9), "\(key).\(id)")
                    } else {
                        XCTAssertEqual(cell as? String, "—", "\(key).\(id)")
                    }
                }
            }

            let audit = try await server.request(.GET, "/api/v1/audit?action=report_download", token: admin).jsonArray
            XCTAssertEqual(audit.count, 2)
            XCTAssertEqual(Set(audit.compactMap { $0["detail"] as? String }.map { $0.components(separatedBy: " ")[0] }),
                           ["format=csv", "format=xlsx"])
            XCTAssertEqual(audit.first?["target"] as? String, "agent")
            XCTAssertEqual(audit.first?["actor"] as? String, "admin")
        }
    }

    func testAMalformedLineNamesItsNumberAndNothingIsImported() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            var lines = ReportFixture.text.components(separatedBy: "\n")
            lines[40] = #"{"type":"call_attempt","call_id":"x","lead_id":"L9","campaign_id":"C1","number":"1","placed_at":"2026-11-02T09:00:00","ended_at":"2026-11-02T09:01:00+08:00","outcome":"answered"}"#
            lines[44] = "{not json"
            let reply = try await server.request(.POST, "/api/v1/events/import", token: admin, body: lines.joined(separator: "\n"))
            XCTAssertEqual(reply.status, 400, reply.text)
            XCTAssertEqual(reply.json["lines"] as? [Int], [41, 45])
            let errors = reply.json["errors"] as? [String] ?? []
            XCTAssertTrue(errors.first?.contains("line 41") ?? false, "\(errors)")
            XCTAssertTrue(errors.first?.contains("placed_at") ?? false, "\(errors)")
            XCTAssertTrue(errors.last?.hasPrefix("line 45: not valid JSON") ?? false, "\(errors)")

            let agents = try ReportReply(try await server.request(.GET, "/api/v1/reports/agent?\(ReportFixture.period)", token: admin))
            XCTAssertEqual(agents.rows.count, 0, "not one event of the refused file was stored")
            XCTAssertEqual(agents.value("total", "calls_placed"), 0)

            let agent = try await server.userToken("someagent", role: "agent")
            let refused = try await server.request(.POST, "/api/v1/events/import", token: agent, body: ReportFixture.text)
            XCTAssertEqual(refused.status, 403)
        }
    }

    func testBadParametersAre400sThatNameTheParameter() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            let cases: [(String, Int, String)] = [
                ("/api/v1/reports/agent?from=2026-11-03&to=2026-11-02", 400, "'from'"),
                ("/api/v1/reports/agent?from=2026-13-01", 400, "'from'"),
                ("/api/v1/reports/agent?from=2026-11-01&to=yesterday", 400, "'to'"),
                ("/api/v1/reports/agent?to=2026-11-01", 400, "'from'"),
                ("/api/v1/reports/agent?from=2026-11-01&group_by=planet", 400, "'group_by'"),
                ("/api/v1/reports/hourly?from=2026-11-01&group_by=agent", 400, "'group_by'"),
                ("/api/v1/reports/agent?from=2026-11-01&format=pdf", 400, "'format'"),
                ("/api/v1/reports/nonsense?from=2026-11-01", 404, "nonsense"),
            ]
            for (path, status, named) in cases {
                let reply = try await server.request(.GET, path, token: admin)
                XCTAssertEqual(reply.status, status, path)
                XCTAssertTrue(reply.reason.contains(named), "\(path): \(reply.reason)")
            }
            let catalog = try await server.request(.GET, "/api/v1/reports", token: admin).jsonArray
            XCTAssertEqual(catalog.compactMap { $0["name"] as? String },
                           ["agent", "team", "campaign", "kpi", "hourly", "daily", "failure_reasons", "rankings", "list_quality", "weekly"])
            let anonymous = try await server.request(.GET, "/api/v1/reports/agent?from=2026-11-01")
            XCTAssertEqual(anonymous.status, 401)
        }
    }

    func testAgentsSeeThemselvesAndSupervisorsTheirTeams() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            try await ReportFixture.importFixture(server, token: admin)
            let created = try await server.request(.POST, "/api/v1/teams", token: admin, body: ["name": "T1"])
            XCTAssertEqual(created.status, 201, created.text)
            let supervisor = try await server.userToken("sup1", role: "supervisor", team: "T1")
            let agent = try await server.userToken("a1", role: "agent")
            let qa = try await server.userToken("qa1", role: "qa")
            let listManager = try await server.userToken("lm1", role: "list_manager")

            let own = try ReportReply(try await server.request(.GET, "/api/v1/reports/agent?\(ReportFixture.period)", token: agent))
            XCTAssertEqual(own.keys, ["a1"])
            assertFigure(own, "total", "calls_placed", 4)
            let ownTeams = try ReportReply(try await server.request(.GET, "/api/v1/reports/team?\(ReportFixture.period)", token: agent))
            XCTAssertEqual(ownTeams.keys, ["T1"])
            assertFigure(ownTeams, "T1", "logged_in_time", 7200)

            let team = try ReportReply(try await server.request(.GET, "/api/v1/reports/agent?\(ReportFixture.period)", token: supervisor))
            XCTAssertEqual(team.keys, ["a1", "a2"])
            assertFigure(team, "total", "logged_in_time", 11400)
            let teamRanking = try ReportReply(try await server.request(.GET, "/api/v1/reports/rankings?\(ReportFixture.period)", token: supervisor))
            XCTAssertEqual(Set(teamRanking.keys), ["a1", "a2"])

            let everything = try ReportReply(try await server.request(.GET, "/api/v1/reports/agent?\(ReportFixture.period)", token: qa))
            XCTAssertEqual(everything.keys, ["a1", "a2", "b1", ""])

            let refused = try await server.request(.GET, "/api/v1/reports/agent?\(ReportFixture.period)", token: listManager)
            XCTAssertEqual(refused.status, 403)
            let wallboard = try await server.request(.GET, "/api/v1/live", token: agent)
            XCTAssertEqual(wallboard.status, 403, "the wallboard is for admins and supervisors")
        }
    }
}

/// Reads the first sheet of an .xlsx with openpyxl (an independent reader).
func readWorkbook(_ path: String) throws -> [[Any]] {
    let script = """
    import json, sys, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
    print(json.dumps([list(r) for r in wb[wb.sheetnames[0]].iter_rows(values_only=True)], ensure_ascii=False))
    """
    let data = Data(try Python.run(script, arguments: [path]).utf8)
    return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[Any]], String(decoding: data, as: UTF8.self))
}
