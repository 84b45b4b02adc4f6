import Foundation
import WaihuTestPeers
import XCTest

/// A trunk's limits hold across every campaign that uses it: a voice broadcast (whose own plan
/// would allow 30 calls at once and 20 a second) and a predictive campaign with an agent at the
/// desk dial together through a trunk of `--max-concurrent 4 --max-cps 2`. The customers'
/// SIPp logs every message it gets and sends; from that log, never more than 4 calls are up at
/// once and never more than 2 INVITEs arrive within any one second, and both campaigns get
/// their calls through.
final class TrunkLimitServeTests: XCTestCase {
    func testABroadcastAndAPredictiveCampaignShareTheTrunksLimits() async throws {
        try PeerProcess.require("/usr/bin/baresip")
        try await CampaignStage.with("trunk-limit") { try await run($0) }
    }

    private func run(_ stage: CampaignStage) async throws {
        // Customers who answer after 0.3 s, listen 4 s and hang up.
        try stage.importLeads(batch: "群呼名单", count: 12, lastDigit: 4)
        try stage.importLeads(batch: "预测名单", count: 5, first: 100, lastDigit: 4)
        let port = SharedPeers.peerPort()
        try stage.run(["trunk", "add", "窄线路", "--host", "127.0.0.1", "--port", String(port), "--caller-id", "02161234567",
                       "--max-concurrent", "4", "--max-cps", "2"])
        let log = stage.dataDirectory + "-sipp-messages.log"
        let customers = try PeerProcess("/usr/bin/sipp", [
            "-sf", CampaignStage.scenario, "-i", "127.0.0.1", "-p", "\(port)", "-mp", "\(port + 2)", "-m", "100",
            "-nostdin", "-timeout", "300s", "-timeout_error", "-trace_msg", "-message_file", log,
        ], name: "sipp-\(port)", directory: FileManager.default.temporaryDirectory)
        defer {
            customers.stop()
            if ProcessInfo.processInfo.environment["WAIHU_KEEP_TEST_DATA"] == nil { try? FileManager.default.removeItem(atPath: log) }
        }
        try await stage.startServe()
        let api = stage.api
        let supervisor = try await stage.token("lead", "lead-pass-123")
        let agent = try await stage.token("wang", "agent-pass-123")

        let broadcast = try await api.post("/api/v1/campaigns", [
            "name": "群呼", "batches": ["群呼名单"], "teams": ["A组"], "trunk": "窄线路",
            "plan": CampaignStage.plan(mode: "broadcast", extra: ["max_concurrent_calls": 30, "calls_per_second": 20]),
        ], token: supervisor)
        XCTAssertEqual(broadcast.status, 201, broadcast.text)
        let broadcastID = try XCTUnwrap(broadcast.json["id"] as? Int)
        let prompt = try await api.put("/api/v1/campaigns/\(broadcastID)/prompt", data: try adWAV(seconds: 2),
                                       contentType: "audio/wav", token: supervisor)
        XCTAssertEqual(prompt.status, 200, prompt.text)
        let predictive = try await api.post("/api/v1/campaigns", [
            "name": "预测外呼", "batches": ["预测名单"], "teams": ["A组"], "trunk": "窄线路",
            "plan": CampaignStage.plan(mode: "predictive", extra: ["wrap_up_seconds": 1]),
        ], token: supervisor)
        XCTAssertEqual(predictive.status, 201, predictive.text)
        let predictiveID = try XCTUnwrap(predictive.json["id"] as? Int)

        // The predictive campaign first, then its agent at the desk, then the broadcast: both dial at once.
        let startedPredictive = try await api.post("/api/v1/campaigns/\(predictiveID)/start", [:], token: supervisor)
        XCTAssertEqual(startedPredictive.status, 200, startedPredictive.text)
        let phone = try BaresipPhone(phoneExtension: "8001", password: "secret8001", registrar: stage.sipPort,
                                     microphone: TestTone.samples(frequency: 1000, seconds: 120, amplitude: 0.4))
        defer { phone.stop() }
        let login = try await stage.logIn(token: agent, campaign: predictiveID)
        XCTAssertEqual(login.status, 200, login.text)
        let ready = try await api.post("/api/v1/desk/ready", [:], token: agent)
        XCTAssertEqual(ready.json["state"] as? String, "ready", ready.text)
        let startedBroadcast = try await api.post("/api/v1/campaigns/\(broadcastID)/start", [:], token: supervisor)
        XCTAssertEqual(startedBroadcast.status, 200, startedBroadcast.text)

        for id in [broadcastID, predictiveID] {
            // Every lead dialled and its call over (an agent's call then waits for its disposition).
            _ = try await stage.waitForCampaign(id, token: supervisor, timeout: 150) { view in
                let progress = view["progress"] as? [String: Any] ?? [:]
                return progress["waiting"] as? Int == 0 && progress["dialing"] as? Int == 0
            }
        }
        let predictiveCalls = try await api.get("/api/v1/campaigns/\(predictiveID)/calls?limit=100", token: supervisor).jsonArray
        XCTAssertGreaterThanOrEqual(predictiveCalls.count, 5, "every lead of the predictive campaign was dialled")
        XCTAssertGreaterThanOrEqual(predictiveCalls.filter { $0["agent"] as? String == "wang" }.count, 1,
                                    "the agent talked to customers: \(predictiveCalls)")
        let broadcastCalls = try await api.get("/api/v1/campaigns/\(broadcastID)/calls?limit=100", token: supervisor).jsonArray
        XCTAssertGreaterThanOrEqual(broadcastCalls.filter { $0["outcome"] as? String == "answered" }.count, 12, "\(broadcastCalls)")
        XCTAssertEqual(stage.stopServe(), 0, stage.serve?.text ?? "")
        customers.stop()

        let calls = try SIPMessageLog(contentsOf: log).calls
        XCTAssertGreaterThanOrEqual(calls.count, 17, "every lead dialled once at least: \(customers.output)")
        let mostUp = SIPMessageLog.mostAtOnce(calls)
        let mostStarted = SIPMessageLog.mostStartedWithinOneSecond(calls)
        XCTAssertLessThanOrEqual(mostUp, 4, "calls up at once through a trunk of --max-concurrent 4")
        XCTAssertLessThanOrEqual(mostStarted, 2, "INVITEs within one second through a trunk of --max-cps 2")
        // The limits were reached, not merely unneeded: the broadcast alone would have gone higher.
        XCTAssertEqual(mostUp, 4)
        XCTAssertEqual(mostStarted, 2)
    }
}

/// The calls in a SIPp message log (`-trace_msg -message_file`): each Call-ID from its first
/// INVITE received to the last message about it, in seconds.
struct SIPMessageLog {
    struct Call {
        var callID: String
        var start: Double
        var end: Double
    }

    var calls: [Call]

    init(contentsOf path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var byID: [String: Call] = [:]
        var time: Double?
        var block: [Substring] = []
        func finish() {
            let lines = block.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard let time, let id = lines.first(where: { $0.lowercased().hasPrefix("call-id:") })
                .map({ $0.dropFirst(8).trimmingCharacters(in: .whitespaces) }) else { return }
            let received = lines.first?.contains("message received") ?? false
            let firstLine = lines.dropFirst().first { !$0.isEmpty } ?? ""
            if var call = byID[id] {
                call.end = max(call.end, time)
                byID[id] = call
            } else if received && firstLine.hasPrefix("INVITE ") {
                byID[id] = Call(callID: id, start: time, end: time)
            }
        }
        // SIP's CRLF is one Character in Swift: split on any newline.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.hasPrefix("-----------------------------------------------") {
                finish()
                block = []
                let stamp = line.split(separator: " ").suffix(2)
                time = stamp.count == 2 ? Self.seconds(date: stamp.first!, time: stamp.last!) : nil
            } else {
                block.append(line)
            }
        }
        finish()
        calls = byID.values.sorted { $0.start < $1.start }
    }

    /// The most calls that were up at one moment.
    static func mostAtOnce(_ calls: [Call]) -> Int {
        // An end at the same instant as a start frees the place first.
        var events: [(time: Double, change: Int)] = []
        for call in calls {
            events.append((call.start, 1))
            events.append((call.end, -1))
        }
        events.sort { a, b in a.time == b.time ? a.change < b.change : a.time < b.time }
        var up = 0, most = 0
        for (_, change) in events {
            up += change
            most = max(most, up)
        }
        return most
    }

    /// The most INVITEs that arrived within any one second.
    static func mostStartedWithinOneSecond(_ calls: [Call]) -> Int {
        let starts = calls.map(\.start).sorted()
        var most = 0, first = 0
        for (index, start) in starts.enumerated() {
            while start - starts[first] >= 1 { first += 1 }
            most = max(most, index - first + 1)
        }
        return most
    }

    /// "2026-12-03" "09:46:43.690643" as seconds (UTC arithmetic: only differences matter).
    private static func seconds(date: Substring, time: Substring) -> Double? {
        let d = date.split(separator: "-").compactMap { Int($0) }
        let t = time.split(separator: ":")
        guard d.count == 3, t.count == 3, let h = Double(t[0]), let m = Double(t[1]), let s = Double(t[2]) else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (d[0], d[1], d[2])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let day = calendar.date(from: components) else { return nil }
        return day.timeIntervalSince1970 + h * 3600 + m * 60 + s
    }
}
