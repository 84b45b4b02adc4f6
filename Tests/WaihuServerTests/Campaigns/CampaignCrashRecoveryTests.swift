import Foundation
import WaihuTestPeers
import XCTest

/// kill -9 of `waihu serve` in the middle of a campaign: after the restart the calls that were
/// in flight are recorded as failed, their leads wait the retry delay, the campaign resumes by
/// itself and finishes. No lead is lost, none is dialed twice at once, and every customer
/// hears the ad exactly once.
final class CampaignCrashRecoveryTests: XCTestCase {
    func testKillDashNineMidCampaignLosesAndDuplicatesNothing() async throws {
        try await CampaignStage.with("crash") { try await run($0) }
    }

    private func run(_ stage: CampaignStage) async throws {
        // Forty customers who all listen 4 s to a 6 s ad and hang up.
        try stage.importLeads(batch: "续保名单", count: 40, lastDigit: 4)
        try stage.startCustomers(calls: 200)
        try await stage.startServe()
        let api = stage.api
        var supervisor = try await stage.token("lead", "lead-pass-123")
        let created = try await api.post("/api/v1/campaigns", [
            "name": "续保群呼", "batches": ["续保名单"],
            "plan": CampaignStage.plan(mode: "broadcast", extra: ["max_concurrent_calls": 8, "calls_per_second": 4]),
        ], token: supervisor)
        XCTAssertEqual(created.status, 201, created.text)
        let id = try XCTUnwrap(created.json["id"] as? Int)
        _ = try await api.put("/api/v1/campaigns/\(id)/prompt", data: try adWAV(seconds: 6), contentType: "audio/wav", token: supervisor)
        let started = try await api.post("/api/v1/campaigns/\(id)/start", [:], token: supervisor)
        XCTAssertEqual(started.status, 200, started.text)

        // Some calls done, several up: kill -9.
        let before = try await stage.waitForCampaign(id, token: supervisor, timeout: 60) { view in
            let progress = view["progress"] as? [String: Any] ?? [:]
            return (progress["done"] as? Int ?? 0) >= 4 && (progress["dialing"] as? Int ?? 0) >= 4
        }
        stage.killServe()
        let killedAt = Date()
        let shown = try stage.run(["campaign", "show", String(id)])
        let atKill = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])
        let inFlight = try XCTUnwrap((atKill["progress"] as? [String: Any])?["dialing"] as? Int)
        XCTAssertGreaterThan(inFlight, 0, "calls were up at the kill: \(atKill)")
        XCTAssertEqual(atKill["status"] as? String, "running")
        print("killed with \(inFlight) calls up; progress before: \(before["progress"] ?? "")")

        // Restart: nobody touches the campaign; it resumes and finishes.
        try await stage.startServe()
        supervisor = try await stage.token("lead", "lead-pass-123")
        let finished = try await stage.waitForCampaign(id, token: supervisor, timeout: 120) { ($0["status"] as? String) == "finished" }
        XCTAssertEqual((finished["progress"] as? [String: Any])?["done"] as? Int, 40, "no lead lost: \(finished)")

        let calls = try await api.get("/api/v1/campaigns/\(id)/calls?limit=1000", token: supervisor).jsonArray
        var byLead: [String: [[String: Any]]] = [:]
        for call in calls { byLead[call["lead_id"] as? String ?? "", default: []].append(call) }
        XCTAssertEqual(byLead.count, 40)
        let formatter = ISO8601DateFormatter()
        var interrupted = 0
        for (lead, attempts) in byLead {
            let ordered = attempts.sorted { ($0["placed_at"] as? String ?? "") < ($1["placed_at"] as? String ?? "") }
            let outcomes = ordered.map { $0["outcome"] as? String ?? "" }
            XCTAssertEqual(outcomes.filter { $0 == "answered" }.count, 1, "lead \(lead) heard the ad exactly once: \(outcomes)")
            XCTAssertEqual(outcomes.last, "answered", "lead \(lead): \(outcomes)")
            XCTAssertEqual(ordered.map { $0["attempt"] as? Int ?? 0 }, Array(1...ordered.count), "lead \(lead): attempts counted once each")
            if outcomes.first == "failed" {
                interrupted += 1
                XCTAssertEqual(outcomes, ["failed", "answered"], "lead \(lead)")
                let redial = try XCTUnwrap(formatter.date(from: ordered[1]["placed_at"] as? String ?? ""))
                XCTAssertGreaterThan(redial, killedAt, "lead \(lead) dialed again only after the restart")
            }
        }
        XCTAssertEqual(interrupted, inFlight, "every call up at the kill, and only those, recorded as failed")
        XCTAssertEqual(stage.stopServe(), 0)
    }
}
