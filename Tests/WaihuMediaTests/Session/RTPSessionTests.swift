import Foundation
import XCTest
@testable import WaihuMedia

/// Two real RTP sessions on 127.0.0.1 talking to each other.
final class RTPSessionTests: XCTestCase {
    /// Gathers a session's events from a background task so the test can poll them.
    final class EventLog: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [RTPSessionEvent] = []

        init(_ stream: AsyncStream<RTPSessionEvent>) {
            Task { [self] in
                for await event in stream { self.append(event) }
            }
        }

        private func append(_ event: RTPSessionEvent) { lock.withLock { events.append(event) } }

        var snapshot: [RTPSessionEvent] { lock.withLock { events } }

        var digits: String {
            String(snapshot.compactMap { if case .digit(let d) = $0 { return d } else { return nil } })
        }

        func waitUntil(seconds: Double = 5, _ condition: @escaping ([RTPSessionEvent]) -> Bool) async -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition(snapshot) { return true }
                try? await Task.sleep(nanoseconds: 10_000_000)
            }
            return condition(snapshot)
        }
    }

    func testPlaysPacedPromptRecordsAndCarriesDTMFBothWays() async throws {
        let waihu = try await RTPSession.bind(host: "127.0.0.1", port: 0)
        let customer = try await RTPSession.bind(host: "127.0.0.1", port: 0)
        let waihuLog = EventLog(waihu.events)
        let customerLog = EventLog(customer.events)
        let waihuPort = try XCTUnwrap(waihu.localPort)

        // The customer side learns waihu's address from the first packet (symmetric RTP).
        try await customer.start(remoteHost: nil, remotePort: nil, codec: .pcma, telephoneEventPayloadType: 101, record: true)
        try await waihu.start(remoteHost: "127.0.0.1", remotePort: customer.localPort, codec: .pcma,
                        telephoneEventPayloadType: 101, record: false)

        let prompt = WAVFile(encoding: .pcm16, samples: [Int16](repeating: 1000, count: 2400))
        let started = Date()
        let outcome = await waihu.play(prompt)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(outcome, PlaybackOutcome(played: .milliseconds(300), completed: true))
        // 15 frames at 20 ms: paced in real time, not sent in a burst.
        XCTAssertGreaterThanOrEqual(elapsed, 0.28)
        XCTAssertLessThan(elapsed, 1.5)

        let latched = await customerLog.waitUntil { $0.contains(.remoteLatched(host: "127.0.0.1", port: waihuPort)) }
        XCTAssertTrue(latched)
        let expected = G711.linear(fromAlaw: G711.alaw(fromLinear: 1000))
        let heard = await customerLog.waitUntil { events in
            events.reduce(0) { count, event in
                guard case .recorded(let left, _) = event else { return count }
                return count + left.filter { $0 == expected }.count
            } >= 15 * 160
        }
        XCTAssertTrue(heard, "the customer's recording has the 15 prompt frames on the left channel; events: \(customerLog.snapshot.count)")

        waihu.send(digits: "12#")
        let gotDigits = await customerLog.waitUntil { _ in customerLog.digits == "12#" }
        XCTAssertTrue(gotDigits, "received \(customerLog.digits)")

        customer.send(digits: "9")
        let reverse = await waihuLog.waitUntil { _ in waihuLog.digits == "9" }
        XCTAssertTrue(reverse, "received \(waihuLog.digits)")

        // A playback cut short reports how much was heard.
        let long = WAVFile(encoding: .pcm16, samples: [Int16](repeating: 500, count: 80_000))
        async let cut = waihu.play(long)
        try await Task.sleep(nanoseconds: 200_000_000)
        waihu.stopPlayback()
        let stopped = await cut
        XCTAssertFalse(stopped.completed)
        XCTAssertGreaterThan(stopped.played, .zero)
        XCTAssertLessThan(stopped.played, .seconds(2))

        try await waihu.close()
        try await customer.close()
    }

    func testSilentPeerIsReportedOnceAsMediaTimeout() async throws {
        let session = try await RTPSession.bind(host: "127.0.0.1", port: 0)
        let log = EventLog(session.events)
        // Sends to a port nobody answers from.
        try await session.start(remoteHost: "127.0.0.1", remotePort: 9, codec: .pcmu, telephoneEventPayloadType: nil,
                                record: false, mediaTimeout: .milliseconds(200))
        let timedOut = await log.waitUntil(seconds: 3) { $0.contains(.mediaTimeout) }
        XCTAssertTrue(timedOut)
        try await Task.sleep(nanoseconds: 300_000_000)
        XCTAssertEqual(log.snapshot.filter { $0 == .mediaTimeout }.count, 1)
        try await session.close()
    }
}
