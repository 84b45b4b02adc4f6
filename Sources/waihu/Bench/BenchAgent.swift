import Foundation
import WaihuDialer
import Vapor

/// One simulated agent at the desk of `waihu bench campaign`: logs in with its phone, goes
/// ready, follows its desk (GET /api/v1/desk every half second, as a slow desktop would) and
/// saves a disposition a random 2–8 s into each wrap-up. It keeps the time line of its states,
/// as it saw them, for occupancy and the wait between calls.
struct BenchAgent {
    struct Interval {
        var state: String
        var start: Date
        var end: Date
    }

    let username: String
    let phoneExtension: String
    var client: ServerAPIClient
    var random: SeededGenerator
    private(set) var intervals: [Interval] = []
    private(set) var dispositions = 0
    private(set) var readyAgain = 0

    init(username: String, phoneExtension: String, client: ServerAPIClient, seed: UInt64) {
        self.username = username
        self.phoneExtension = phoneExtension
        self.client = client
        random = SeededGenerator(seed: seed)
    }

    /// Logs in to the campaign once the phone is registered (409 until then) and goes ready.
    mutating func join(campaign: Int, password: String, app: Application) async throws {
        try await client.login(username: username, password: password, on: app)
        var lastError: Error?
        for _ in 0..<300 {
            do {
                _ = try await client.post("/desk/login", ["campaign_id": campaign, "extension": phoneExtension], on: app)
                _ = try await client.post("/desk/ready", [:], on: app)
                return
            } catch {
                lastError = error
                try await Task.sleep(nanoseconds: 200_000_000)
            }
        }
        throw BenchCampaignError.agentCannotJoin(username, "\(lastError.map { "\($0)" } ?? "?")")
    }

    /// Works until `shift.isOver`; `shift.windowOpen` false stops making the agent ready
    /// again (the measured minutes are over, calls still up are finished and disposed).
    mutating func work(shift: BenchShift, app: Application) async {
        var state = "ready"
        var since = Date()
        var disposeAt: [String: Date] = [:]
        var disposed = Set<String>()
        while !shift.isOver {
            let now = Date()
            guard let data = try? await client.get("/desk", on: app),
                  let desk = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                try? await Task.sleep(nanoseconds: 500_000_000)
                continue
            }
            let current = desk["state"] as? String ?? "?"
            if current != state {
                intervals.append(Interval(state: state, start: since, end: now))
                state = current
                since = now
            }
            var waiting: [String] = []
            if current == "wrap_up", let call = desk["call"] as? [String: Any], let id = call["call_id"] as? String { waiting.append(id) }
            for pending in desk["pending"] as? [[String: Any]] ?? [] {
                if let id = pending["call_id"] as? String { waiting.append(id) }
            }
            for id in waiting where !disposed.contains(id) {
                let due = disposeAt[id] ?? now.addingTimeInterval(2 + 6 * random.nextUnit())
                disposeAt[id] = due
                guard now >= due else { continue }
                let codes = ["success", "too_expensive", "renewed_elsewhere", "undecided", "wrong_party"]
                let body: [String: Any] = ["call_id": id, "code": codes[Int.random(in: 0..<codes.count, using: &random)], "note": "bench"]
                if (try? await client.post("/desk/dispositions", body, on: app)) != nil {
                    disposed.insert(id)
                    dispositions += 1
                }
            }
            // A phone that did not answer puts the agent to not ready; the bench agent goes back.
            if current == "not_ready" && shift.windowOpen {
                if (try? await client.post("/desk/ready", [:], on: app)) != nil { readyAgain += 1 }
            }
            try? await Task.sleep(nanoseconds: 500_000_000)
        }
        intervals.append(Interval(state: state, start: since, end: Date()))
        _ = try? await client.post("/desk/logout", [:], on: app)
    }
}

/// The bench's clock: the measured window and the settling time after it.
final class BenchShift: @unchecked Sendable {
    private let lock = NSLock()
    private var open = true
    private var over = false
    private var ready = 0
    private var firstFailure: Error?

    var windowOpen: Bool { lock.withLock { open } }
    var isOver: Bool { lock.withLock { over } }
    func closeWindow() { lock.withLock { open = false } }
    func end() { lock.withLock { over = true } }
    var joinedCount: Int { lock.withLock { ready } }
    var failure: Error? { lock.withLock { firstFailure } }
    func joined() { lock.withLock { ready += 1 } }
    func fail(_ error: Error) { lock.withLock { if firstFailure == nil { firstFailure = error } } }
}
