import Foundation
import XCTest
@testable import WaihuServer
import WaihuDomain

/// 外呼问卷完成进度 and 外呼完成问卷率 of survey campaigns (`survey_target` in the plan), in the
/// campaign report and on the campaign's page, from hand-made events on 2026-11-02.
///
/// - 回访问卷, target 4: five calls connected to agents (q1–q5, talk > 0), one not answered (q6);
///   dispositions: 3 questionnaires completed (success), 1 refusal → progress 3 / 4 = 75 %,
///   completion rate 3 / 5 = 60 %.
/// - 满意度调查, target 10: one connected call, completed → 1 / 10 = 10 %, 1 / 1 = 100 %.
/// - 续保营销, no target (a sales project): two connected calls, one sale → both blank.
/// Total of the survey campaigns: 4 / 14 = 28.571 % and 4 / 6 = 66.667 % (part by part, not the
/// mean of the campaigns' rates, 42.5 % and 80 %); the sale is no questionnaire.
final class SurveyReportTests: XCTestCase {
    static let day = "2026-11-02"

    static var events: String {
        func call(_ id: String, _ campaign: String, _ outcome: String = "answered", talk: Int = 120) -> String {
            let answered = outcome == "answered" ? #","answered_at":"\#(day)T10:00:10+08:00","talk_seconds":\#(talk)"# : ""
            return #"{"type":"call_attempt","call_id":"\#(id)","lead_id":"L-\#(id)","campaign_id":"\#(campaign)","number":"1","placed_at":"\#(day)T10:00:00+08:00"\#(answered),"ended_at":"\#(day)T10:05:00+08:00","outcome":"\#(outcome)","agent_id":"a1","attempt_number":1}"#
        }
        func disposition(_ id: String, _ campaign: String, _ code: String, _ category: String) -> String {
            #"{"type":"disposition","lead_id":"L-\#(id)","campaign_id":"\#(campaign)","call_id":"\#(id)","agent_id":"a1","code":"\#(code)","category":"\#(category)","at":"\#(day)T10:06:00+08:00"}"#
        }
        return [
            call("q1", "回访问卷"), call("q2", "回访问卷"), call("q3", "回访问卷"), call("q4", "回访问卷"), call("q5", "回访问卷"),
            call("q6", "回访问卷", "no_answer"),
            disposition("q1", "回访问卷", "done", "success"), disposition("q2", "回访问卷", "done", "success"),
            disposition("q3", "回访问卷", "done", "success"), disposition("q4", "回访问卷", "refused", "refusal"),
            call("m1", "满意度调查"), disposition("m1", "满意度调查", "done", "success"),
            call("s1", "续保营销"), call("s2", "续保营销"), disposition("s1", "续保营销", "sold", "success"),
        ].joined(separator: "\n")
    }

    /// Creates the three campaigns through the API (a campaign needs a batch of leads).
    static func createCampaigns(_ server: TestServer, token: String) async throws -> [String: Int] {
        let url = try LeadFixtures.temporaryFile("survey.csv", "姓名,电话\n客户一,13800000011\n")
        _ = try await LeadImporter(database: server.app.db, actor: .console())
            .run(.init(file: url, batchName: "回访名单", sourceName: "S1", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
        var ids: [String: Int] = [:]
        for (name, plan) in [("回访问卷", ["mode": "preview", "survey_target": 4] as [String: Any]),
                             ("满意度调查", ["mode": "preview", "survey_target": 10]),
                             ("续保营销", ["mode": "preview"])] {
            let reply = try await server.request(.POST, "/api/v1/campaigns", token: token,
                                                 body: ["name": name, "batches": ["回访名单"], "plan": plan])
            XCTAssertEqual(reply.status, 201, reply.text)
            ids[name] = try XCTUnwrap(reply.json["id"] as? Int, reply.text)
        }
        return ids
    }

    func testTheCampaignReportShowsSurveyProgressAndCompletionRate() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            _ = try await Self.createCampaigns(server, token: admin)
            let imported = try await server.request(.POST, "/api/v1/events/import", token: admin, body: Self.events)
            XCTAssertEqual(imported.status, 201, imported.text)

            let path = "/api/v1/reports/campaign?from=\(Self.day)&to=\(Self.day)"
            let report = try ReportReply(try await server.request(.GET, path, token: admin))
            XCTAssertEqual(report.keys, ["回访问卷", "满意度调查", "续保营销"])
            let columns = report.columns
            let after = try XCTUnwrap(columns.firstIndex(of: "net_success_rate"))
            XCTAssertEqual(Array(columns[(after + 1)...].prefix(2)), ["survey_progress", "survey_completion_rate"])

            assertFigure(report, "回访问卷", "online_success_count", 3)
            assertFigure(report, "回访问卷", "agent_connected_calls", 5)
            assertFigure(report, "回访问卷", "survey_progress", 75)
            assertFigure(report, "回访问卷", "survey_completion_rate", 60)
            assertFigure(report, "满意度调查", "survey_progress", 10)
            assertFigure(report, "满意度调查", "survey_completion_rate", 100)
            assertFigure(report, "续保营销", "online_success_count", 1)
            XCTAssertTrue(report.isNull("续保营销", "survey_progress"), "a sales campaign has no questionnaires")
            XCTAssertTrue(report.isNull("续保营销", "survey_completion_rate"))
            assertFigure(report, "total", "survey_progress", 28.5714)
            assertFigure(report, "total", "survey_completion_rate", 66.6667)

            // The CSV follows the columns: the same figures under the catalogue's names.
            let csv = try await server.request(.GET, path + "&format=csv", token: admin)
            XCTAssertEqual(csv.status, 200, csv.text)
            let lines = csv.text.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\r\n").map(String.init)
            let header = try XCTUnwrap(lines.first).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let progressColumn = try XCTUnwrap(header.firstIndex { $0.contains("外呼问卷完成进度") }, lines[0])
            let cells = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            XCTAssertEqual(cells.map { $0[0] }, ["回访问卷", "满意度调查", "续保营销", "合计 total"])
            XCTAssertEqual(try XCTUnwrap(Double(cells[0][progressColumn])), 75, accuracy: 0.01)
            XCTAssertEqual(cells[2][progressColumn], "—")

            // Only a campaign has a target: the campaign report grouped by agent leaves them
            // blank, and the agent report does not have the columns.
            let byAgent = try ReportReply(try await server.request(.GET, path + "&group_by=agent", token: admin))
            XCTAssertTrue(byAgent.isNull("a1", "survey_progress"), "\(byAgent.row("a1") ?? [:])")
            XCTAssertTrue(byAgent.isNull("total", "survey_completion_rate"))
            let agents = try ReportReply(try await server.request(.GET, "/api/v1/reports/agent?from=\(Self.day)&to=\(Self.day)", token: admin))
            XCTAssertFalse(agents.columns.contains("survey_progress"))
        }
    }

    func testTheCampaignPageShowsQuestionnairesAgainstTheTarget() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            let ids = try await Self.createCampaigns(server, token: admin)
            let before = try await server.request(.GET, "/api/v1/campaigns/\(ids["回访问卷"]!)", token: admin)
            let empty = try XCTUnwrap(before.json["progress"] as? [String: Any], before.text)
            XCTAssertEqual(empty["survey_target"] as? Int, 4)
            XCTAssertEqual(empty["survey_completed"] as? Int, 0)

            let imported = try await server.request(.POST, "/api/v1/events/import", token: admin, body: Self.events)
            XCTAssertEqual(imported.status, 201, imported.text)
            let survey = try await server.request(.GET, "/api/v1/campaigns/\(ids["回访问卷"]!)", token: admin)
            let progress = try XCTUnwrap(survey.json["progress"] as? [String: Any], survey.text)
            XCTAssertEqual(progress["survey_target"] as? Int, 4)
            XCTAssertEqual(progress["survey_completed"] as? Int, 3)
            XCTAssertEqual(try XCTUnwrap(progress["survey_progress"] as? Double), 75, accuracy: 0.001)
            XCTAssertEqual((survey.json["plan"] as? [String: Any])?["survey_target"] as? Int, 4)

            let sales = try await server.request(.GET, "/api/v1/campaigns/\(ids["续保营销"]!)", token: admin)
            let salesProgress = try XCTUnwrap(sales.json["progress"] as? [String: Any], sales.text)
            XCTAssertNil(salesProgress["survey_target"] as? Int, "a sales campaign has no questionnaire target")
            XCTAssertNil(salesProgress["survey_completed"] as? Int)
        }
    }

    func testATargetBelowOneIsRefused() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            _ = try await Self.createCampaigns(server, token: admin)
            let refused = try await server.request(.POST, "/api/v1/campaigns", token: admin,
                                                   body: ["name": "零目标", "batches": ["回访名单"],
                                                          "plan": ["mode": "preview", "survey_target": 0] as [String: Any]])
            XCTAssertEqual(refused.status, 400, refused.text)
            XCTAssertTrue(refused.text.contains("survey_target"), refused.text)
        }
    }
}
