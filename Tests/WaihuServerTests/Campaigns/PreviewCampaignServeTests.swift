import Foundation
import WaihuTestPeers
import XCTest

/// Preview dialing (预览外呼): the agent takes a lead, reads it, skips it (given back uncounted)
/// or dials it; the answered customer goes to this agent's phone only; after the disposition
/// the next lead; the campaign finishes when every lead is settled.
final class PreviewCampaignServeTests: XCTestCase {
    func testPreviewTakeSkipDialAndDispose() async throws {
        try PeerProcess.require("/usr/bin/baresip")
        try await CampaignStage.with("preview") { try await run($0) }
    }

    private func run(_ stage: CampaignStage) async throws {
        try stage.importLeads(batch: "预览名单", count: 2, lastDigit: 4)
        try stage.startCustomers(calls: 10)
        try await stage.startServe()
        let api = stage.api
        let supervisor = try await stage.token("lead", "lead-pass-123")
        let agent = try await stage.token("wang", "agent-pass-123")
        let created = try await api.post("/api/v1/campaigns", [
            "name": "预览外呼", "batches": ["预览名单"], "teams": ["A组"],
            "plan": CampaignStage.plan(mode: "preview", extra: ["script": "{name}您好"]),
        ], token: supervisor)
        let id = try XCTUnwrap(created.json["id"] as? Int, created.text)
        let started = try await api.post("/api/v1/campaigns/\(id)/start", [:], token: supervisor)
        XCTAssertEqual(started.status, 200, started.text)
        let phone = try BaresipPhone(phoneExtension: "8001", password: "secret8001", registrar: stage.sipPort,
                                     microphone: TestTone.samples(frequency: 1000, seconds: 60, amplitude: 0.4))
        defer { phone.stop() }
        let login = try await stage.logIn(token: agent, campaign: id)
        XCTAssertEqual(login.status, 200, login.text)
        let notYet = try await api.post("/api/v1/desk/preview/next", [:], token: agent)
        XCTAssertEqual(notYet.status, 409, "not ready yet: \(notYet.text)")
        _ = try await api.post("/api/v1/desk/ready", [:], token: agent)

        // Take the first lead and skip it: it goes back, uncounted.
        let first = try await api.post("/api/v1/desk/preview/next", [:], token: agent)
        XCTAssertEqual(first.status, 200, first.text)
        let firstCall = try XCTUnwrap(first.json["call"] as? [String: Any], first.text)
        XCTAssertEqual(firstCall["preview"] as? Bool, true)
        let skippedLead = try XCTUnwrap(firstCall["lead_id"] as? Int)
        XCTAssertEqual(firstCall["script"] as? String, "客户0您好")
        let twice = try await api.post("/api/v1/desk/preview/next", [:], token: agent)
        XCTAssertEqual(twice.status, 409, "one lead on the screen at a time")
        let skipped = try await api.post("/api/v1/desk/preview/skip", [:], token: agent)
        XCTAssertNil(skipped.json["call"] as? [String: Any], skipped.text)

        // Dial each lead in turn and save its disposition.
        var dialed: [Int] = []
        for round in 0..<2 {
            let next = try await api.post("/api/v1/desk/preview/next", [:], token: agent)
            XCTAssertEqual(next.status, 200, next.text)
            let lead = try XCTUnwrap((next.json["call"] as? [String: Any])?["lead_id"] as? Int, next.text)
            dialed.append(lead)
            let dial = try await api.post("/api/v1/desk/preview/dial", [:], token: agent)
            XCTAssertEqual(dial.status, 200, dial.text)
            // Customer answers, talks 4 s with the agent, hangs up: wrap-up.
            var desk: [String: Any] = [:]
            for _ in 0..<200 {
                desk = try await api.get("/api/v1/desk", token: agent).json
                if desk["state"] as? String == "wrap_up" { break }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            XCTAssertEqual(desk["state"] as? String, "wrap_up", "round \(round): \(desk)")
            let callID = try XCTUnwrap((desk["call"] as? [String: Any])?["call_id"] as? String, "\(desk)")
            let saved = try await api.post("/api/v1/desk/dispositions", ["call_id": callID, "code": "undecided"], token: agent)
            XCTAssertEqual(saved.status, 200, saved.text)
            XCTAssertEqual(saved.json["state"] as? String, "ready", saved.text)
        }
        XCTAssertEqual(Set(dialed).count, 2)
        XCTAssertTrue(dialed.contains(skippedLead), "the skipped lead came back")
        let calls = try await api.get("/api/v1/campaigns/\(id)/calls", token: supervisor).jsonArray
        XCTAssertEqual(calls.count, 2, "a skipped lead is not a call: \(calls)")
        XCTAssertTrue(calls.allSatisfy { $0["agent"] as? String == "wang" && $0["outcome"] as? String == "answered" && $0["attempt"] as? Int == 1 },
                      "\(calls)")
        // Undecided customers wait the no-answer delay (2 s here), then come back to preview.
        let view = try await api.get("/api/v1/campaigns/\(id)", token: supervisor).json
        XCTAssertEqual((view["progress"] as? [String: Any])?["waiting"] as? Int, 2, "\(view)")
        XCTAssertEqual(stage.stopServe(), 0)
    }
}
