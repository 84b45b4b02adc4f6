import Foundation
import WaihuTestPeers
import XCTest

/// A trunk's limits hold across every campaign that uses it: a voice broadcast (whose own plan
/// would allow 30 calls at once and 20 a second) and a predictive campaign with an agent at the
/// desk dial together through a trunk of `--max-concurrent 4 --max-cps 2`. The customers'
/// SIPp logs every message it gets and sends; from that log, never more than 4 calls are up at
/// once and never more than 2 INVITEs arrive within any one second, and both campaigns get
/// their calls through. The predictive campaign's pacing trace (GET …/pacing) is read while it
/// dials: a sample a second with sane counts, and the timing of each customer put through.
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
        // The last pacing trace read while the campaign was still dialing, and one cut by `?since=`.
        let pacingWatch = Task { () -> PacingReads in
            var reads = PacingReads()
            while !Task.isCancelled {
                if let reply = try? await api.get("/api/v1/campaigns/\(predictiveID)/pacing", token: supervisor),
                   reply.status == 200, reply.json["running"] as? Bool == true {
                    reads.last = reply.body
                    let times = (reply.json["samples"] as? [[String: Any]] ?? []).compactMap { $0["time"] as? Double }
                    // A hundredth of a second before the third sample: JSON's decimals need not round-trip exactly.
                    if reads.cut == nil, times.count >= 4,
                       let cut = try? await api.get("/api/v1/campaigns/\(predictiveID)/pacing?since=\(times[2] - 0.01)", token: supervisor) {
                        reads.cut = cut.body
                        reads.cutAt = times[2]
                    }
                }
                try? await Task.sleep(nanoseconds: 500_000_000)
            }
            return reads
        }
        defer { pacingWatch.cancel() }
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
        try await checkPacingTrace(stage, campaign: predictiveID, watch: pacingWatch, calls: predictiveCalls.count,
                                   supervisor: supervisor, agent: agent)
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

/// What the test read of the pacing trace while the campaign dialed.
private struct PacingReads: Sendable {
    var last: Data?
    var cut: Data?
    var cutAt: Double?
}

extension TrunkLimitServeTests {
    /// The trace read while the campaign dialed: a sample about every second with the one agent
    /// and the calls it launched, each customer put through to 8001 in order of its steps;
    /// `?since=` cuts it; once the campaign is stopped (its leads wait for dispositions nobody
    /// saves, so it would not finish by itself), running false and nothing else.
    private func checkPacingTrace(_ stage: CampaignStage, campaign id: Int, watch: Task<PacingReads, Never>, calls: Int,
                                  supervisor: String, agent: String) async throws {
        let api = stage.api
        let stopped = try await api.post("/api/v1/campaigns/\(id)/stop", [:], token: supervisor)
        XCTAssertEqual(stopped.status, 200, stopped.text)
        var ended = try await api.get("/api/v1/campaigns/\(id)/pacing", token: supervisor)
        for _ in 0..<60 where ended.json["running"] as? Bool != false {
            try await Task.sleep(nanoseconds: 500_000_000)
            ended = try await api.get("/api/v1/campaigns/\(id)/pacing", token: supervisor)
        }
        XCTAssertEqual(ended.status, 200, ended.text)
        XCTAssertEqual(ended.json["running"] as? Bool, false, "the runner ended once stopped")
        XCTAssertTrue(ended.json["status"] is NSNull, "no status once ended")
        XCTAssertEqual((ended.json["samples"] as? [Any])?.count, 0, "no samples once ended")
        XCTAssertEqual((ended.json["connections"] as? [Any])?.count, 0, "no connections once ended")
        watch.cancel()
        let reads = await watch.value
        let data = try XCTUnwrap(reads.last, "GET /pacing never answered running while the campaign dialed")
        let trace = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])

        let status = try XCTUnwrap(trace["status"] as? [String: Any], "a running campaign's pacer status")
        XCTAssertNotNil(status["threshold"] as? Double, "a predictive pacer has a threshold: \(status)")
        XCTAssertEqual(status["warm_start"] as? Bool, false, "no earlier campaign on these lists")
        let samples = try XCTUnwrap(trace["samples"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(samples.count, 3)
        let times = samples.compactMap { $0["time"] as? Double }
        XCTAssertEqual(times.count, samples.count)
        XCTAssertEqual(times.first.map { abs($0 - Date().timeIntervalSince1970) < 300 }, true, "unix times: \(times)")
        for (earlier, later) in zip(times, times.dropFirst()) {
            XCTAssertGreaterThan(later - earlier, 0.5, "about one sample a second: \(times)")
            XCTAssertLessThan(later - earlier, 3, "about one sample a second: \(times)")
        }
        for sample in samples {
            let agents = ["agents_ready", "agents_reserved", "agents_talking", "agents_wrap_up", "agents_not_ready"]
                .map { sample[$0] as? Int ?? -1 }
            XCTAssertTrue(agents.allSatisfy { $0 >= 0 } && agents.reduce(0, +) <= 1, "one agent at most: \(sample)")
            for key in ["calls_ringing", "customers_waiting", "wanted", "launched", "calls_waiting_for_trunk"] {
                XCTAssertGreaterThanOrEqual(sample[key] as? Int ?? -1, 0, "\(key): \(sample)")
            }
            XCTAssertLessThanOrEqual(sample["calls_ringing"] as? Int ?? 99, 4, "through a trunk of --max-concurrent 4: \(sample)")
            XCTAssertNotNil(sample["lead_shortage"] as? Bool, "\(sample)")
            XCTAssertNotNil(sample["status"] as? [String: Any], "\(sample)")
        }
        XCTAssertTrue(samples.contains { $0["agents_talking"] as? Int == 1 }, "the agent talked")
        XCTAssertEqual(samples.reduce(0) { $0 + ($1["launched"] as? Int ?? 0) }, calls, "every call the campaign made was launched in the trace")

        let connections = try XCTUnwrap(trace["connections"] as? [[String: Any]])
        let bridged = connections.filter { $0["agent"] as? String == "8001" && !($0["abandoned"] as? Bool ?? true) }
        XCTAssertGreaterThanOrEqual(bridged.count, 1, "\(connections)")
        for connection in bridged {
            let steps = ["answered_at", "agent_assigned_at", "agent_rung_at", "agent_answered_at"].compactMap { connection[$0] as? Double }
            XCTAssertEqual(steps.count, 4, "\(connection)")
            XCTAssertEqual(steps, steps.sorted(), "answer, agent taken, phone rung, phone answered, in that order: \(connection)")
            XCTAssertLessThan((steps.last ?? 99) - (steps.first ?? 0), 10, "put through within seconds: \(connection)")
        }
        let last = try XCTUnwrap(samples.last)
        XCTAssertGreaterThanOrEqual(last["live_answers"] as? Int ?? 0, bridged.count, "\(last)")
        XCTAssertEqual(last["abandoned"] as? Int, connections.filter { $0["abandoned"] as? Bool == true }.count, "\(last)")

        // The cut, an unknown campaign, a wrong time, and who may read it.
        let cutAt = try XCTUnwrap(reads.cutAt, "no trace of 4 samples while the campaign dialed")
        let cut = try XCTUnwrap(JSONSerialization.jsonObject(with: XCTUnwrap(reads.cut)) as? [String: Any])
        let cutTimes = (cut["samples"] as? [[String: Any]] ?? []).compactMap { $0["time"] as? Double }
        XCTAssertEqual(cutTimes.first ?? 0, cutAt, accuracy: 0.001, "?since= starts at the third sample: \(cutTimes.prefix(3))")
        XCTAssertTrue(cutTimes.allSatisfy { $0 >= cutAt - 0.01 })
        let notFound = try await api.get("/api/v1/campaigns/9999/pacing", token: supervisor)
        XCTAssertEqual(notFound.status, 404, notFound.text)
        let badSince = try await api.get("/api/v1/campaigns/\(id)/pacing?since=yesterday", token: supervisor)
        XCTAssertEqual(badSince.status, 400, badSince.text)
        let asAgent = try await api.get("/api/v1/campaigns/\(id)/pacing", token: agent)
        let campaignAsAgent = try await api.get("/api/v1/campaigns/\(id)", token: agent)
        XCTAssertEqual(asAgent.status, campaignAsAgent.status, "the same roles as reading the campaign")
        XCTAssertEqual(asAgent.status, 403, asAgent.text)
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
