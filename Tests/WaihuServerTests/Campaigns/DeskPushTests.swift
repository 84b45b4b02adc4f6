import Foundation
import XCTest

/// An agent's desk learns of a campaign's start and stop from a push, whoever made the
/// change: the team leader's page (this server) or the CLI (another process). Before, desks
/// learned only at their 15-second keep-alive.
final class DeskPushTests: XCTestCase {
    func testTheDeskIsPushedWhenItsCampaignStartsAndStops() async throws {
        try await CampaignStage.with("desk-push") { stage in
            try stage.importLeads(batch: "推送测试", count: 2)
            try await stage.startServe()
            let api = stage.api
            let supervisor = try await stage.token("lead", "lead-pass-123")
            let agent = try await stage.token("wang", "agent-pass-123")
            let created = try await api.post("/api/v1/campaigns", [
                "name": "推送外呼", "batches": ["推送测试"], "teams": ["A组"], "plan": CampaignStage.plan(mode: "progressive"),
            ], token: supervisor)
            XCTAssertEqual(created.status, 201, created.text)
            let id = try XCTUnwrap(created.json["id"] as? Int)

            let stream = DesktopEventStream(http: stage.http, baseURL: "http://127.0.0.1:\(stage.httpPort)", token: agent)
            defer { stream.stop() }
            func status(_ event: [String: Any]) -> Bool? {
                (event["campaigns"] as? [[String: Any]]).map { $0.contains { $0["id"] as? Int == id } }
            }
            _ = try await stream.waitFor(timeout: 10, "the first desk") { status($0) == false }

            // Well inside the 15-s keep-alive, which was the only way a desk learned before.
            let bound: TimeInterval = 5
            var asked = Date()
            let start = try await api.post("/api/v1/campaigns/\(id)/start", [:], token: supervisor)
            XCTAssertEqual(start.status, 200, start.text)
            _ = try await stream.waitFor(timeout: bound, "the started campaign") { status($0) == true }
            let started = Date().timeIntervalSince(asked)

            // Stopped from the command line, in another process: seen by the server's look at
            // the campaigns table within a second.
            asked = Date()
            _ = try stage.run(["campaign", "control", "stop", "推送外呼"])
            _ = try await stream.waitFor(timeout: bound, "the campaign stopped from the CLI") { status($0) == false }
            let stopped = Date().timeIntervalSince(asked)
            print("desk push: start \(String(format: "%.2f", started)) s, stop from the CLI \(String(format: "%.2f", stopped)) s")
        }
    }
}
