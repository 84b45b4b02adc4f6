import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import XCTest

/// The wallboard's server-sent events: figures at once, and again after an import.
final class LiveStreamTests: XCTestCase {
    func testTheStreamPushesNewFiguresAfterAnImport() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            try await ReportFixture.importFixture(server, token: admin)

            var request = HTTPClientRequest(url: server.baseURL + "/api/v1/live/stream?day=2026-11-02")
            request.headers.add(name: "Authorization", value: "Bearer \(admin)")
            request.headers.add(name: "Accept", value: "text/event-stream")
            let response = try await server.client.execute(request, timeout: .seconds(30))
            XCTAssertEqual(response.status.code, 200)
            XCTAssertTrue(response.headers.first(name: "Content-Type")?.hasPrefix("text/event-stream") ?? false)

            var buffer = ""
            var iterator = response.body.makeAsyncIterator()
            /// The next `event: figures`, as JSON.
            func nextFigures() async throws -> [String: Any] {
                while true {
                    if let range = buffer.range(of: "\n\n") {
                        let message = String(buffer[..<range.lowerBound])
                        buffer.removeSubrange(..<range.upperBound)
                        guard message.hasPrefix("event: figures\n"),
                              let data = message.components(separatedBy: "\n").first(where: { $0.hasPrefix("data: ") })?.dropFirst(6)
                        else { continue }
                        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
                    }
                    guard let chunk = try await iterator.next() else { throw TestFailure("the live stream ended before its next figures") }
                    buffer += String(buffer: chunk)
                }
            }
            func totalCalls(_ figures: [String: Any]) -> Double? {
                ((figures["total"] as? [String: Any])?["values"] as? [String: Any])?["calls_placed"] as? Double
            }

            let first = try await nextFigures()
            XCTAssertEqual(first["day"] as? String, "2026-11-02")
            XCTAssertEqual(totalCalls(first), 6) // c1 c2 c5 c6 c7 c8 were placed on 11-02
            let teams = (first["teams"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
            XCTAssertEqual(teams, ["T1", "T2", ""])

            let more = #"{"type":"call_attempt","call_id":"c10","lead_id":"L10","campaign_id":"C1","number":"13800000010","placed_at":"2026-11-02T11:00:00+08:00","ended_at":"2026-11-02T11:00:30+08:00","outcome":"busy","agent_id":"b1"}"#
            let imported = try await server.request(.POST, "/api/v1/events/import", token: admin, body: more)
            XCTAssertEqual(imported.status, 201, imported.text)
            let second = try await nextFigures()
            XCTAssertEqual(totalCalls(second), 7)

            // Nothing changes: the next 16 s bring the 15-s keep-alive comment and no figures
            // (the same figures encode to the same canonical JSON).
            let received = NIOLockedValueBox("")
            let reader = Task { [iterator] in
                var rest = iterator
                while let chunk = try? await rest.next() { received.withLockedValue { $0 += String(buffer: chunk) } }
            }
            try await Task.sleep(for: .seconds(16))
            reader.cancel()
            let quiet = received.withLockedValue { $0 }
            XCTAssertTrue((buffer + quiet).contains(": keep-alive"), "a keep-alive comment keeps the connection: \(quiet)")
            XCTAssertFalse((buffer + quiet).contains("event: figures"), "unchanged figures are not sent again: \(quiet.prefix(300))")
        }
    }
}
