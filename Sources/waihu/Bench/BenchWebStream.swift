import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore

/// One server-sent-events stream held open as a browser's EventSource would (an agent's desk,
/// `/api/v1/desk/stream`, or a wallboard, `/api/v1/live/stream`). Every event is kept with the
/// moment its bytes arrived; keep-alive comments and bytes are counted.
final class BenchWebStream: @unchecked Sendable {
    struct Event: Sendable {
        var at: Double
        var name: String
        var data: String
    }

    struct Tally: Sendable, Equatable {
        var events = 0
        var comments = 0
        var bytes = 0
    }

    private struct State {
        var status: Int?
        var failure: String?
        var ended = false
        var events: [Event] = []
        var tally = Tally()
    }

    let path: String
    /// The event this stream is for: `desk` or `figures`.
    let event: String
    let requestedAt: Double
    private let state = NIOLockedValueBox(State())
    private var task: Task<Void, Never>?

    init(http: BenchWebHTTP, path: String, event: String, token: String) {
        self.path = path
        self.event = event
        requestedAt = BenchWebClock.now()
        task = Task { [state] in
            var request = HTTPClientRequest(url: http.baseURL + path)
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Accept", value: "text/event-stream")
            do {
                let response = try await http.client.execute(request, timeout: .hours(24))
                state.withLockedValue { $0.status = Int(response.status.code) }
                guard response.status == .ok else {
                    let body = try? await response.body.collect(upTo: 1 << 16)
                    state.withLockedValue { $0.failure = "HTTP \(response.status.code): \(body.map { String(buffer: $0) } ?? "")" }
                    return
                }
                var pending = ""
                for try await chunk in response.body {
                    let at = BenchWebClock.now()
                    pending += String(buffer: chunk)
                    var blocks: [Substring] = []
                    while let end = pending.range(of: "\n\n") {
                        blocks.append(pending[..<end.lowerBound])
                        pending = String(pending[end.upperBound...])
                    }
                    state.withLockedValue { state in
                        state.tally.bytes += chunk.readableBytes
                        for block in blocks { Self.record(block, at: at, into: &state) }
                    }
                }
                state.withLockedValue { $0.ended = true }
            } catch {
                state.withLockedValue { if !Task.isCancelled { $0.failure = "\(error)" } }
            }
        }
    }

    /// A block of lines up to a blank line: an event (`event:` and `data:` lines) or a comment (`: …`).
    private static func record(_ block: Substring, at: Double, into state: inout State) {
        var name = "message"
        var data: [Substring] = []
        var comment = true
        for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix(":") { continue }
            comment = false
            if line.hasPrefix("event:") { name = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("data:") { data.append(line.dropFirst(line.hasPrefix("data: ") ? 6 : 5)) }
        }
        if comment {
            state.tally.comments += 1
        } else {
            state.tally.events += 1
            state.events.append(Event(at: at, name: name, data: data.joined(separator: "\n")))
        }
    }

    var status: Int? { state.withLockedValue { $0.status } }
    /// Why the stream is not open: a refusal, a dropped connection, or the server ending it.
    var failure: String? { state.withLockedValue { $0.failure ?? ($0.ended ? "the server ended the stream" : nil) } }
    var tally: Tally { state.withLockedValue { $0.tally } }

    /// The first event named `name` that arrived at or after `since` and satisfies `match`.
    func firstEvent(_ name: String, since: Double, _ match: (String) -> Bool = { _ in true }) -> Event? {
        state.withLockedValue { state in state.events.first { $0.at >= since && $0.name == name && match($0.data) } }
    }

    /// The last event named `name` that arrived before `moment`.
    func lastEvent(_ name: String, before moment: Double) -> Event? {
        state.withLockedValue { state in state.events.last { $0.at < moment && $0.name == name } }
    }

    /// How many events named `name` arrived from `start` up to (not including) `end`.
    func count(_ name: String, from start: Double, to end: Double) -> Int {
        state.withLockedValue { state in state.events.filter { $0.at >= start && $0.at < end && $0.name == name }.count }
    }

    func stop() { task?.cancel() }
}
