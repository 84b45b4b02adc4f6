import Foundation

/// Steps 3–5 and 7 of `waihu bench web`: the desks and wallboards of a shift hold their
/// server-sent-events streams open; the bench changes something through the API and measures,
/// stream by stream, how long the change took to arrive.
struct BenchWebPushes {
    /// The administrator's requests (not the streams' connections).
    let http: BenchWebHTTP
    let adminToken: String
    let log: @Sendable (String) -> Void

    /// How long a push may take before the bench counts it as never arrived.
    static let patience = 20.0

    /// Opens a desk stream per agent token and a live stream per supervisor token, all at once,
    /// and waits until each has its first event.
    static func open(streams http: BenchWebHTTP, desks: [String], wallboards: [String]) async -> ([BenchWebStream], [BenchWebStream], BenchWebReport.Streams) {
        let deskStreams = desks.map { BenchWebStream(http: http, path: "/api/v1/desk/stream", event: "desk", token: $0) }
        let liveStreams = wallboards.map { BenchWebStream(http: http, path: "/api/v1/live/stream", event: "figures", token: $0) }
        let all = deskStreams + liveStreams
        let deadline = BenchWebClock.now() + 60
        var firsts: [BenchWebStream.Event?] = []
        while BenchWebClock.now() < deadline {
            firsts = all.map { $0.firstEvent($0.event, since: 0) }
            if zip(all, firsts).allSatisfy({ $1 != nil || $0.failure != nil }) { break }
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
        var failures: [String: Int] = [:]
        for (stream, first) in zip(all, firsts) where first == nil {
            failures[stream.failure.map { String($0.prefix(120)) } ?? "no event within 60 s", default: 0] += 1
        }
        let opened = zip(all, firsts).compactMap { stream, first in first.map { $0.at - stream.requestedAt } }
        return (deskStreams, liveStreams, .init(desks: desks.count, wallboards: wallboards.count, withFirstEvent: opened.count,
                                                 failures: failures, firstEvent: BenchWebTiming(opened)))
    }

    /// Creates a preview campaign for the agents' team (nothing is dialled: no agent is at a
    /// desk), then measures the start's and the stop's way to every desk.
    func campaignStartAndStop(desks: [BenchWebStream]) async throws -> (start: BenchWebReport.Push, stop: BenchWebReport.Push) {
        let created = await http.post("/api/v1/campaigns", json: [
            "name": "压测推送", "plan": ["mode": "preview", "gate": ["window": ["opens_at_minute": 0, "closes_at_minute": 1440]]],
            "batches": [BenchWebStage.batch], "teams": [BenchWebStage.team], "trunk": BenchWebStage.trunk, "caller_id": "02161234567",
        ], token: adminToken, deadline: .seconds(600))
        guard created.ok, let id = created.json?["id"] as? Int else { throw BenchWebError.step("creating the campaign: \(created.problem)") }
        func lists(_ data: String) -> Bool {
            let object = (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any]
            return (object?["campaigns"] as? [[String: Any]] ?? []).contains { $0["id"] as? Int == id }
        }
        let start = try await measure("campaign start", streams: desks, event: "desk", { lists($1) }) {
            await http.post("/api/v1/campaigns/\(id)/start", json: [:], token: adminToken)
        }
        try await Task.sleep(nanoseconds: 1_000_000_000)
        let stop = try await measure("campaign stop", streams: desks, event: "desk", { !lists($1) }) {
            await http.post("/api/v1/campaigns/\(id)/stop", json: [:], token: adminToken)
        }
        return (start, stop)
    }

    /// Imports a few of today's calls of the team's agents and measures the new figures' way to every wallboard.
    func eventImport(wallboards: [BenchWebStream], agents: [String]) async throws -> BenchWebReport.Push {
        let time = ISO8601DateFormatter()
        time.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        let now = Date()
        let lines = agents.prefix(10).enumerated().map { index, agent -> String in
            let placed = now.addingTimeInterval(-120 - Double(index))
            let object: [String: Any] = [
                "type": "call_attempt", "call_id": "bench-\(UUID().uuidString)", "lead_id": "L\(index)", "campaign_id": "bench",
                "number": "1380000\(String(format: "%04d", index))", "placed_at": time.string(from: placed),
                "answered_at": time.string(from: placed.addingTimeInterval(5)), "ended_at": time.string(from: placed.addingTimeInterval(65)),
                "outcome": "answered", "agent_id": agent, "talk_seconds": 60, "attempt_number": 1,
            ]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        // The change is there when the team's total shows the new calls; an event before that
        // (figures computed half before the import) is counted, not taken for the push.
        func placed(_ data: String?) -> Int {
            let object = data.flatMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
            return ((object?["total"] as? [String: Any])?["values"] as? [String: Any])?["calls_placed"] as? Int ?? 0
        }
        let before = BenchWebClock.now()
        let expected = wallboards.map { placed($0.lastEvent("figures", before: before)?.data) + lines.count }
        return try await measure("event import", streams: wallboards, event: "figures", { index, data in placed(data) >= expected[index] }) {
            await http.post("/api/v1/events/import", text: lines.joined(separator: "\n") + "\n", contentType: "application/x-ndjson", token: adminToken)
        }
    }

    /// From the moment `request` is sent until each stream's first `event` after it that
    /// `match`es (given the stream's index and the event's data).
    private func measure(_ what: String, streams: [BenchWebStream], event: String, _ match: @escaping (Int, String) -> Bool,
                         request: () async -> BenchWebHTTP.Reply) async throws -> BenchWebReport.Push {
        let sent = BenchWebClock.now()
        let reply = await request()
        guard reply.ok else { throw BenchWebError.step("\(what): \(reply.problem)") }
        var arrivals = [Double?](repeating: nil, count: streams.count)
        while BenchWebClock.now() < sent + Self.patience {
            for (index, stream) in streams.enumerated() where arrivals[index] == nil {
                arrivals[index] = stream.firstEvent(event, since: sent, { match(index, $0) }).map { $0.at - sent }
            }
            if arrivals.allSatisfy({ $0 != nil }) { break }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        let latencies = arrivals.compactMap { $0 }
        let early = zip(streams, arrivals).reduce(0) { sum, pair in
            sum + pair.0.count(event, from: sent, to: sent + (pair.1 ?? Self.patience))
        }
        let push = BenchWebReport.Push(what: what, streams: streams.count, requestSeconds: reply.seconds, timing: BenchWebTiming(latencies),
                                       withinOneSecond: latencies.filter { $0 <= 1 }.count, never: arrivals.filter { $0 == nil }.count,
                                       eventsWithoutTheChange: early)
        log("\(what): \(push.timing.text), \(push.never) of \(streams.count) never within \(Int(Self.patience)) s")
        return push
    }

    /// What the streams receive while nothing changes: keep-alive comments only, ideally.
    static func quiet(desks: [BenchWebStream], wallboards: [BenchWebStream], seconds: Double) async throws -> BenchWebReport.Quiet {
        let streams = desks + wallboards
        let before = streams.map(\.tally)
        try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
        let after = streams.map(\.tally)
        func sum(_ range: Range<Int>, _ field: (BenchWebStream.Tally) -> Int) -> Int {
            range.reduce(0) { $0 + field(after[$1]) - field(before[$1]) }
        }
        let all = 0..<streams.count, deskRange = 0..<desks.count, wallRange = desks.count..<streams.count
        return .init(seconds: seconds, streams: streams.count, deskEvents: sum(deskRange, \.events), figuresEvents: sum(wallRange, \.events),
                     comments: sum(all, \.comments), bytes: sum(all, \.bytes))
    }
}
