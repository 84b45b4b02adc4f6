import Foundation
import XCTest
import WaihuDomain
import WaihuSIP
@testable import WaihuDialer
import WaihuTestPeers

/// A flood of torture, truncated, mutated and random datagrams while a call is up: the
/// call goes on, the engine still places the next one, every reply goes back to the
/// flood's source (never to a host named in a rejected message), and it is counted.
final class MalformedFloodTests: XCTestCase {
    func testFloodNeitherCrashesNorHarmsCallsAndRepliesOnlyToTheSource() async throws {
        let engine = try await TelephonyEngine.start(TelephonyConfiguration(host: "127.0.0.1", sipPort: 0,
                                                                            rtpPorts: 30400...30499))
        let flood = try await UDPProbe.bind()
        let trap = try await UDPProbe.bind()
        let port = SharedPeers.peerPort()
        let customer = try SharedPeers.sippCustomer("uas_answer.xml", port: port,
                                                    variables: ["ring_ms": "300", "talk_ms": "2500"])
        defer { customer.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)
        func call(_ port: Int) -> OutboundCallRequest {
            OutboundCallRequest(target: .trunk(number: "13800138000", host: "127.0.0.1", port: port, credentials: nil),
                                callerID: "10086", ringTimeout: .seconds(10))
        }
        let leg = try await engine.placeCall(call(port))
        let answered = await leg.waitUntilAnswered()
        XCTAssertTrue(answered, customer.output)

        // The flood, while the call talks.
        let target = engine.sipEndpoint.port
        var corpus = TortureCorpus.valid.map { TortureCorpus.datagram($0, viaPort: flood.port, trapPort: trap.port) }
        corpus += TortureCorpus.invalid.map { TortureCorpus.datagram($0, viaPort: flood.port, trapPort: trap.port) }
        // Mutants of a valid message may stay valid, so their Via names the flood socket.
        let seed = TortureCorpus.datagram(TortureCorpus.valid[0], viaPort: flood.port, trapPort: trap.port)
        var generator = SystemRandomNumberGenerator()
        for length in stride(from: 1, to: seed.count, by: 7) { corpus.append(Array(seed.prefix(length))) }
        for _ in 0..<600 {
            var mutated = seed
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                mutated[Int.random(in: 0..<mutated.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            corpus.append(mutated)
        }
        for _ in 0..<600 {
            corpus.append((0..<Int.random(in: 1...1400)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        for (index, datagram) in corpus.enumerated() {
            try await flood.send(datagram, to: target)
            if index % 50 == 0 { try await Task.sleep(nanoseconds: 2_000_000) }
        }

        let report = await leg.waitUntilEnded()
        XCTAssertEqual(report.outcome, .answered, "the call survived the flood")
        XCTAssertEqual(report.dtmf, "1")
        let exit = await customer.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, customer.output)

        // Still placing calls afterwards.
        let busyPort = SharedPeers.peerPort()
        let busy = try SharedPeers.sippCustomer("uas_reject.xml", port: busyPort, variables: ["ring_ms": "200"])
        defer { busy.stop() }
        try await Task.sleep(nanoseconds: 300_000_000)
        let second = try await engine.placeCall(call(busyPort)).waitUntilEnded()
        XCTAssertEqual(second.outcome, .busy)
        XCTAssertEqual(second.sipStatus, 486)

        try await Task.sleep(nanoseconds: 300_000_000)
        let counters = await engine.counters()
        XCTAssertGreaterThan(counters.malformedAnswered, 0)
        XCTAssertGreaterThan(counters.malformedDropped, 0)
        XCTAssertGreaterThan(counters.forbidden, 0, "well-formed requests from an unknown source are refused")
        XCTAssertEqual(counters.activeCalls, 0)
        let replies = flood.datagrams
        XCTAssertTrue(replies.contains { $0.hasPrefix("SIP/2.0 400") }, "malformed requests are answered 400")
        XCTAssertTrue(replies.contains { $0.hasPrefix("SIP/2.0 403") })
        XCTAssertFalse(replies.contains { $0.hasPrefix("SIP/2.0 2") && $0.contains("INVITE") }, "no call was accepted")
        XCTAssertEqual(trap.datagrams, [], "nothing went to an address named inside a message")
        await flood.close()
        await trap.close()
        try await engine.shutdown()
    }
}
