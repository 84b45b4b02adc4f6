import Foundation
import WaihuTestPeers
import XCTest

/// A voice-broadcast campaign (语音群呼) of 200 leads run by `waihu serve` against a SIPp
/// population behind the trunk, with a baresip agent taking the press-1 callers: every number
/// ends with the outcome its customer chose, listening times are measured, retries stop at the
/// attempt limit, the listeners become a callback list, a supervisor hears a recording an
/// agent may not, and the day's report counts the calls.
final class BroadcastCampaignServeTests: XCTestCase {
    func testBroadcastCampaignOfTwoHundredLeads() async throws {
        try PeerProcess.require("/usr/bin/baresip")
        try await CampaignStage.with("broadcast") { try await run($0) }
    }

    private func run(_ stage: CampaignStage) async throws {
        try stage.importLeads(batch: "赠险名单", count: 200)
        try stage.importLeads(batch: "空名单", count: 1, first: 0)  // every row a duplicate: a batch without leads
        try stage.startCustomers(calls: 2000)
        try await stage.startServe()
        let api = stage.api
        let admin = try await stage.token("admin", "admin-pass-123")
        let supervisor = try await stage.token("lead", "lead-pass-123")
        let agent = try await stage.token("wang", "agent-pass-123")

        // Refused with a message that names the problem, and nothing starts.
        var never = CampaignStage.plan(mode: "broadcast")
        never["gate"] = ["window": ["opens_at_minute": 600, "closes_at_minute": 600, "holidays": [] as [Any]]]
        let neverOpens = try await api.post("/api/v1/campaigns", ["name": "不开放", "plan": never, "batches": ["赠险名单"]], token: supervisor)
        XCTAssertEqual(neverOpens.status, 400, neverOpens.text)
        XCTAssertTrue(neverOpens.reason.contains("never opens"), neverOpens.reason)
        let noTrunk = try await api.post("/api/v1/campaigns", ["name": "无线路", "plan": CampaignStage.plan(mode: "broadcast"),
                                                               "batches": ["赠险名单"], "trunk": "nope"], token: supervisor)
        XCTAssertEqual(noTrunk.status, 400, noTrunk.text)
        XCTAssertTrue(noTrunk.reason.contains("no trunk named nope"), noTrunk.reason)
        let empty = try await api.post("/api/v1/campaigns", ["name": "空任务", "plan": CampaignStage.plan(mode: "progressive"),
                                                             "batches": ["空名单"]], token: supervisor)
        XCTAssertEqual(empty.status, 201, empty.text)
        let emptyStart = try await api.post("/api/v1/campaigns/\(try XCTUnwrap(empty.json["id"] as? Int))/start", [:], token: supervisor)
        XCTAssertEqual(emptyStart.status, 409, emptyStart.text)
        XCTAssertTrue(emptyStart.reason.contains("no lead left"), emptyStart.reason)

        let created = try await api.post("/api/v1/campaigns", [
            "name": "赠险群呼", "batches": ["赠险名单"], "teams": ["A组"],
            "plan": CampaignStage.plan(mode: "broadcast", extra: ["wrap_up_seconds": 1, "max_concurrent_calls": 30]),
        ], token: supervisor)
        XCTAssertEqual(created.status, 201, created.text)
        let id = try XCTUnwrap(created.json["id"] as? Int)
        XCTAssertEqual((created.json["progress"] as? [String: Any])?["total"] as? Int, 200)
        let withoutPrompt = try await api.post("/api/v1/campaigns/\(id)/start", [:], token: supervisor)
        XCTAssertEqual(withoutPrompt.status, 409)
        XCTAssertTrue(withoutPrompt.reason.contains("needs a recorded prompt"), withoutPrompt.reason)
        let stereo = try await api.put("/api/v1/campaigns/\(id)/prompt", data: try stereoWAV(), contentType: "audio/wav", token: supervisor)
        XCTAssertEqual(stereo.status, 415, stereo.text)
        let prompt = try await api.put("/api/v1/campaigns/\(id)/prompt", data: try adWAV(seconds: 3), contentType: "audio/wav", token: supervisor)
        XCTAssertEqual(prompt.status, 200, prompt.text)
        XCTAssertEqual(prompt.json["prompt_seconds"] as? Double, 3)

        // The agent's phone registers; the agent joins the campaign to take press-1 callers.
        let phone = try BaresipPhone(phoneExtension: "8001", password: "secret8001", registrar: stage.sipPort,
                                     microphone: TestTone.samples(frequency: 1000, seconds: 120, amplitude: 0.4))
        defer { phone.stop() }
        let started = try await api.post("/api/v1/campaigns/\(id)/start", [:], token: supervisor)
        XCTAssertEqual(started.status, 200, started.text)
        let login = try await stage.logIn(token: agent, campaign: id)
        XCTAssertEqual(login.status, 200, login.text)
        let ready = try await api.post("/api/v1/desk/ready", [:], token: agent)
        XCTAssertEqual(ready.json["state"] as? String, "ready", ready.text)

        let finished = try await stage.waitForCampaign(id, token: supervisor, timeout: 240) { ($0["status"] as? String) == "finished" }
        let progress = try XCTUnwrap(finished["progress"] as? [String: Any])
        XCTAssertEqual(progress["done"] as? Int, 200, "\(finished)")
        let reasons = (finished["shortage"] as? [String: Any])?["reasons"] as? [[String: Any]] ?? []
        XCTAssertEqual(reasons.first { $0["reason"] as? String == "attempt_limit" }?["leads"] as? Int, 40,
                       "busy and unanswered numbers reached their 3 attempts: \(reasons)")

        // Per number: what its customer did.
        let calls = try await api.get("/api/v1/campaigns/\(id)/calls?limit=1000", token: supervisor).jsonArray
        var byLead: [String: [[String: Any]]] = [:]
        for call in calls { byLead[call["lead_id"] as? String ?? "", default: []].append(call) }
        XCTAssertEqual(byLead.count, 200)
        var transferred: [[String: Any]] = []
        var listenedByKind: [String: [Double]] = [:]
        for (_, attempts) in byLead {
            let number = attempts[0]["name"] as? String ?? ""
            let digit = number.last.map(String.init) ?? ""
            let outcomes = attempts.map { $0["outcome"] as? String ?? "" }
            switch digit {
            case "3": XCTAssertEqual(outcomes, ["busy", "busy", "busy"], number)
            case "6": XCTAssertEqual(outcomes, ["no_answer", "no_answer", "no_answer"], number)
            default:
                XCTAssertEqual(outcomes, ["answered"], number)
                let listened = attempts[0]["listened_s"] as? Double ?? -1
                // Never more than the 3 s ad, and something of it was heard.
                XCTAssertTrue((0.2...3.05).contains(listened), "\(number) listened \(listened)")
                let kind = digit == "7" ? "pressed" : digit == "4" ? "whole" : "short"
                listenedByKind[kind, default: []].append(listened)
                if digit == "7" {
                    XCTAssertEqual(attempts[0]["digits"] as? String, "1", number)
                    if attempts[0]["agent"] as? String == "wang" { transferred.append(attempts[0]) }
                } else {
                    XCTAssertNil(attempts[0]["digits"] as? String, number)
                }
            }
        }
        // Listening time is audio actually played, so a loaded machine can shift single calls;
        // the means still tell the customers apart: 1.5 s, the whole 3 s ad, and the pressers.
        func mean(_ kind: String) -> Double {
            let values = listenedByKind[kind] ?? []
            return values.reduce(0, +) / Double(max(1, values.count))
        }
        print("mean seconds listened: \(listenedByKind.mapValues { String(format: "%.2f (%d)", $0.reduce(0, +) / Double($0.count), $0.count) })")
        XCTAssertEqual(listenedByKind["short"]?.count, 120)
        XCTAssertEqual(mean("short"), 1.5, accuracy: 0.5)
        XCTAssertEqual(mean("whole"), 3.0, accuracy: 0.3)
        XCTAssertLessThan(mean("pressed"), mean("whole"), "pressing 1 stops the ad")
        XCTAssertFalse(transferred.isEmpty, "a press-1 caller reached the agent")
        for call in transferred {
            XCTAssertGreaterThan(call["talk_s"] as? Double ?? 0, 1, "\(call)")
            XCTAssertEqual(call["recording"] as? Bool, true)
        }

        // The longest listeners first, and a callback campaign of those who heard at least 2.5 s.
        let listeners = try await api.get("/api/v1/campaigns/\(id)/listeners?limit=5", token: supervisor).jsonArray
        XCTAssertEqual(listeners.count, 5)
        let longest = listenedByKind.values.flatMap { $0 }.sorted(by: >)
        XCTAssertEqual(listeners.map { $0["listened_s"] as? Double ?? 0 }, Array(longest.prefix(5)), "longest first")
        XCTAssertTrue((listeners[0]["number"] as? String ?? "").contains("****"), "numbers are masked")
        let callbacks = try await api.post("/api/v1/campaigns/\(id)/listeners/campaign",
                                           ["name": "听完广告回访", "min_seconds": 2.5, "mode": "preview", "teams": ["A组"]], token: supervisor)
        XCTAssertEqual(callbacks.status, 201, callbacks.text)
        XCTAssertEqual((callbacks.json["progress"] as? [String: Any])?["total"] as? Int, longest.filter { $0 >= 2.5 }.count,
                       "those who heard at least 2.5 s")

        // The agent saves the disposition of a transferred call; the lead becomes a success.
        let call = try XCTUnwrap(transferred.first)
        let callID = try XCTUnwrap(call["call_id"] as? String)
        let disposition = try await api.post("/api/v1/desk/dispositions", ["call_id": callID, "code": "success", "note": "愿意投保"], token: agent)
        XCTAssertEqual(disposition.status, 200, disposition.text)
        let again = try await api.post("/api/v1/desk/dispositions", ["call_id": callID, "code": "success"], token: agent)
        XCTAssertEqual(again.status, 409, "saved once only: \(again.text)")
        let leadID = try XCTUnwrap(call["lead_id"] as? String)
        let lead = try await api.get("/api/v1/leads/\(leadID)", token: admin).json
        XCTAssertEqual(lead["status"] as? String, "success", "\(lead)")
        let history = try await api.get("/api/v1/leads/\(leadID)/calls", token: agent).json
        XCTAssertEqual((history["calls"] as? [[String: Any]])?.first?["recording"] as? Bool, false, "agents do not get recordings")
        XCTAssertTrue(((history["history"] as? [[String: Any]]) ?? []).contains { ($0["disposition"] as? String ?? "").contains("success") })

        // The batch's quality now has calls: 160 of 200 answered, but only the one customer an
        // agent recorded a disposition for is a contact (ContactRule, as in the reports);
        // 1 sale for 200 × 0.50 yuan.
        let batches = try await api.get("/api/v1/batches", token: supervisor).jsonArray
        let batch = try XCTUnwrap(batches.first { $0["name"] as? String == "赠险名单" })
        XCTAssertEqual(batch["contact_rate"] as? Double ?? -1, 0.005, accuracy: 0.0001, "\(batch)")
        XCTAssertEqual(batch["success_rate"] as? Double ?? -1, 0.005, accuracy: 0.0001, "\(batch)")
        XCTAssertEqual(batch["cost_per_success"] as? Double ?? -1, 100, accuracy: 0.001, "\(batch)")

        // The recording: a supervisor of the agent's team hears it; the agent may not; both are audited.
        let heard = try await api.get("/api/v1/recordings/\(callID)", token: supervisor)
        XCTAssertEqual(heard.status, 200)
        XCTAssertEqual(heard.headers.first(name: "Content-Type"), "audio/wav")
        XCTAssertGreaterThan(heard.body.count, 8000)
        let refused = try await api.get("/api/v1/recordings/\(callID)", token: agent)
        XCTAssertEqual(refused.status, 403)
        let audit = try await api.get("/api/v1/audit?limit=200", token: admin).text
        XCTAssertTrue(audit.contains("recording_access_refused") && audit.contains("recording_access"), audit)

        // The day's report counts what happened: 160 answered of 160 + 3 × 40 dials.
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        let today = formatter.string(from: Date())
        let weekly = try await api.get("/api/v1/reports/weekly?from=\(today)&to=\(today)", token: admin).json
        let total = try XCTUnwrap((weekly["total"] as? [String: Any])?["values"] as? [String: Any], "\(weekly)")
        XCTAssertEqual(total["calls_placed"] as? Double, 280, "\(total)")
        XCTAssertEqual(total["answered"] as? Double, 160, "\(total)")
        XCTAssertEqual(stage.stopServe(), 0, stage.serve?.text ?? "")
    }

    /// 44.1 kHz stereo: what a studio sends, which a phone call cannot carry as it is.
    private func stereoWAV() throws -> Data {
        var data = Data("RIFF".utf8)
        func le32(_ v: UInt32) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
        func le16(_ v: UInt16) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
        let samples = Data(count: 44100 * 4)
        data += le32(UInt32(36 + samples.count)) + Data("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(2) + le32(44100)
            + le32(44100 * 4) + le16(4) + le16(16) + Data("data".utf8) + le32(UInt32(samples.count)) + samples
        return data
    }
}
