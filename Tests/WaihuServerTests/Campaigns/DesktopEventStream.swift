import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// An agent's `GET /api/v1/desk/stream` read as a browser's EventSource would: every
/// `event: desk` is kept, in order, as decoded JSON.
final class DesktopEventStream: @unchecked Sendable {
    private let events = NIOLockedValueBox<[[String: Any]]>([])
    private var task: Task<Void, Never>?

    init(http: HTTPClient, baseURL: String, token: String) {
        task = Task { [events] in
            var request = HTTPClientRequest(url: baseURL + "/api/v1/desk/stream")
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Accept", value: "text/event-stream")
            guard let response = try? await http.execute(request, timeout: .seconds(600)) else { return }
            var pending = ""
            do {
                for try await chunk in response.body {
                    pending += String(buffer: chunk)
                    while let end = pending.range(of: "\n\n") {
                        let block = String(pending[..<end.lowerBound])
                        pending = String(pending[end.upperBound...])
                        guard block.contains("event: desk"),
                              let line = block.split(separator: "\n").first(where: { $0.hasPrefix("data: ") }),
                              let json = try? JSONSerialization.jsonObject(with: Data(line.dropFirst(6).utf8)) as? [String: Any]
                        else { continue }
                        events.withLockedValue { $0.append(json) }
                    }
                }
            } catch {}
        }
    }

    var received: [[String: Any]] { events.withLockedValue { $0 } }

    /// Waits until an event satisfies `match` and returns it.
    func waitFor(timeout: TimeInterval, _ what: String, _ match: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let event = received.last(where: match) { return event }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw StreamTimeout(what: what, last: received.last.map { "\($0)" } ?? "nothing")
    }

    struct StreamTimeout: Error, CustomStringConvertible {
        var what: String
        var last: String
        var description: String { "the desk stream never showed \(what); last event: \(last)" }
    }

    func stop() { task?.cancel() }
}
