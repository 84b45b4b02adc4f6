import Foundation
import WaihuTestPeers
import XCTest

/// A progressive campaign to an agent at the desk, over the API as the desktop uses it: the
/// phone must be registered before the agent can go ready; each answered customer rings the
/// agent's baresip phone while the desk stream pops the lead with its script; after the call
/// the agent saves a disposition (a callback is dialed again at its time, "do not call" puts
/// the number on the list); the agent's states and the calls reach the day's report.
final class AgentCampaignServeTests: XCTestCase {
    func testProgressiveCampaignWithScreenPopsAndDispositions() async throws {
        try PeerProcess.require("/usr/bin/baresip")
        try await CampaignStage.with("agent") { try await run($0) }
    }

    private func run(_ stage: CampaignStage) async throws {
        // Three customers who talk 4 s after answering, then hang up.
        try stage.importLeads(batch: "续保11月", count: 3, lastDigit: 4)
        try stage.startCustomers(calls: 20)
        try await stage.startServe()
        let api = stage.api
        let supervisor = try await stage.token("lead", "lead-pass-123")
        let agent = try await stage.token("wang", "agent-pass-123")
        let outsider = try await stage.token("li", "agent-pass-456")
        let created = try await api.post("/api/v1/campaigns", [
            "name": "续保外呼", "batches": ["续保11月"], "teams": ["A组"],
            "plan": CampaignStage.plan(mode: "progressive", extra: [
                "wrap_up_seconds": 120, "script": "{name}您好，您的爱车{车牌}（{car_model}）的保险将于{续保日}到期，我是{agent}。"]),
        ], token: supervisor)
        XCTAssertEqual(created.status, 201, created.text)
        let id = try XCTUnwrap(created.json["id"] as? Int)
        let started = try await api.post("/api/v1/campaigns/\(id)/start", [:], token: supervisor)
        XCTAssertEqual(started.status, 200, started.text)

        // Only the campaign's team sees it; a phone that is not registered cannot join.
        let other = try await api.get("/api/v1/desk", token: outsider).json
        XCTAssertEqual((other["campaigns"] as? [[String: Any]])?.count, 0, "\(other)")
        let unregistered = try await api.post("/api/v1/desk/login", ["campaign_id": id, "extension": "8001"], token: agent)
        XCTAssertEqual(unregistered.status, 409)
        XCTAssertTrue(unregistered.reason.contains("not registered"), unregistered.reason)

        let stream = DesktopEventStream(http: stage.http, baseURL: "http://127.0.0.1:\(stage.httpPort)", token: agent)
        defer { stream.stop() }
        let phone = try BaresipPhone(phoneExtension: "8001", password: "secret8001", registrar: stage.sipPort,
                                     microphone: TestTone.samples(frequency: 1000, seconds: 120, amplitude: 0.4))
        defer { phone.stop() }
        let login = try await stage.logIn(token: agent, campaign: id)
        XCTAssertEqual(login.status, 200, login.text)
        XCTAssertEqual(login.json["state"] as? String, "not_ready")
        // The supervisor's wallboard sees the agent and can force a break; the agent comes back.
        let forced = try await api.post("/api/v1/desk/agents/wang/not-ready", [:], token: supervisor)
        XCTAssertEqual(forced.status, 200, forced.text)
        XCTAssertEqual(forced.jsonArray.first?["agent"] as? String, "wang", forced.text)
        XCTAssertEqual(forced.jsonArray.first?["state"] as? String, "not_ready", forced.text)
        let outsiderForce = try await api.post("/api/v1/desk/agents/wang/not-ready", [:], token: outsider)
        XCTAssertEqual(outsiderForce.status, 403)
        let ready = try await api.post("/api/v1/desk/ready", [:], token: agent)
        XCTAssertEqual(ready.json["state"] as? String, "ready", ready.text)

        // Three calls: success, callback in 3 s, do not call; then the callback once more.
        let plan: [(code: String, callback: Bool)] = [("success", false), ("callback", true), ("do_not_call", false), ("success", false)]
        var handled: [String] = []
        var callbackLead = ""
        var dncLead = ""
        for (index, step) in plan.enumerated() {
            let popped = try await stream.waitFor(timeout: 60, "screen pop \(index + 1)") { event in
                guard let call = event["call"] as? [String: Any], let callID = call["call_id"] as? String else { return false }
                return !handled.contains(callID) && event["state"] as? String == "on_call"
            }
            let call = try XCTUnwrap(popped["call"] as? [String: Any])
            let callID = try XCTUnwrap(call["call_id"] as? String)
            let lead = try XCTUnwrap(call["lead"] as? [String: Any])
            let name = try XCTUnwrap(lead["name"] as? String)
            XCTAssertTrue((lead["phone_masked"] as? String ?? "").contains("****"), "\(lead)")
            XCTAssertEqual(lead["plate"] as? String, "沪A1000\(name.last!)")
            let script = call["script"] as? String ?? ""
            XCTAssertTrue(script.hasPrefix("\(name)您好") && script.contains("大众朗逸") && script.contains("wang"), script)
            if step.code == "success" && index == 3 {
                XCTAssertEqual(String(call["lead_id"] as? Int ?? 0), callbackLead, "the callback is the lead dialed again")
                XCTAssertTrue((call["history"] as? [[String: Any]] ?? []).contains { ($0["disposition"] as? String ?? "").contains("callback") })
            }
            // The customer hangs up after 4 s: wrap-up, with the call still on the screen.
            let wrap = try await stream.waitFor(timeout: 30, "wrap-up after call \(index + 1)") { event in
                event["state"] as? String == "wrap_up" && (event["call"] as? [String: Any])?["call_id"] as? String == callID
            }
            XCTAssertNotNil((wrap["call"] as? [String: Any])?["ended_at"] as? String)
            var body: [String: Any] = ["call_id": callID, "code": step.code, "note": "第\(index + 1)通"]
            if step.callback {
                body["callback_at"] = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3))
                callbackLead = String(call["lead_id"] as? Int ?? 0)
            }
            if step.code == "do_not_call" { dncLead = String(call["lead_id"] as? Int ?? 0) }
            let saved = try await api.post("/api/v1/desk/dispositions", body, token: agent)
            XCTAssertEqual(saved.status, 200, saved.text)
            XCTAssertNotEqual(saved.json["state"] as? String, "wrap_up", "ready again after the disposition: \(saved.text)")
            handled.append(callID)
        }

        let finished = try await stage.waitForCampaign(id, token: supervisor, timeout: 60) { ($0["status"] as? String) == "finished" }
        XCTAssertEqual((finished["progress"] as? [String: Any])?["done"] as? Int, 3)
        let dnc = try await api.get("/api/v1/dnc", token: supervisor).text
        let dncNumber = try await api.get("/api/v1/leads/\(dncLead)", token: supervisor).json["phone_key"] as? String ?? "?"
        XCTAssertTrue(dnc.contains(dncNumber), "the customer who asked not to be called is on the list: \(dnc)")

        // The finished campaign logs its agents out; the day's report counts the calls and the states.
        let desk = try await api.get("/api/v1/desk", token: agent).json
        XCTAssertEqual(desk["state"] as? String, "logged_out", "\(desk)")
        try await Task.sleep(nanoseconds: 1_000_000_000)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        let today = formatter.string(from: Date())
        let report = try await api.get("/api/v1/reports/agent?from=\(today)&to=\(today)&group_by=agent", token: supervisor).json
        let row = try XCTUnwrap((report["rows"] as? [[String: Any]])?.first { $0["key"] as? String == "wang" }, "\(report)")
        let values = try XCTUnwrap(row["values"] as? [String: Any])
        print("agent report for wang: \(values)")
        XCTAssertEqual(values["calls_placed"] as? Double, 4, "\(values)")
        XCTAssertEqual(values["login_count"] as? Double, 1, "\(values)")
        XCTAssertGreaterThan(values["wrap_up_time"] as? Double ?? 0, 0, "\(values)")
        XCTAssertEqual(stage.stopServe(), 0)
    }
}
