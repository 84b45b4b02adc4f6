import XCTest
@testable import WaihuDomain

/// docs/events.md promises its example file decodes; this keeps the promise.
final class EventsDocExampleTests: XCTestCase {
    func testTheDocumentedExampleDecodesAndHasEveryType() throws {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/events.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        guard let start = text.range(of: "```jsonl\n"),
              let end = text.range(of: "\n```", range: start.upperBound..<text.endIndex) else {
            return XCTFail("docs/events.md has no ```jsonl block")
        }
        let result = EventLineDecoder().decodeAll(String(text[start.upperBound..<end.lowerBound]))
        XCTAssertEqual(result.errors.map(\.message), [])
        XCTAssertEqual(result.events.count, 21)
        XCTAssertEqual(Set(result.events.map(\.kind)), Set(CallCenterEvent.Kind.allCases))

        // Hand check on A001's logged-in day in the example: 08:58:10 to 18:01:00 = 9 h 2 min 50 s.
        let sessions = AgentSession.pair(result.events.compactMap {
            if case .agentSession(let e) = $0 { return e } else { return nil }
        })
        XCTAssertEqual(sessions.count, 1)
        XCTAssertEqual(sessions.first.flatMap { s in s.logout.map { $0.timeIntervalSince(s.login) } }, 32_570)
        let calls = result.events.compactMap { if case .callAttempt(let c) = $0 { return c } else { return nil } }
        XCTAssertEqual(KPI.agentConnectedCalls(calls), 1)
        XCTAssertEqual(KPI.playbackSeconds(calls), 31)
    }
}
