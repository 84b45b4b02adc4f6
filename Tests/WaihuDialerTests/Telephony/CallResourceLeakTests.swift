import Foundation
import XCTest
import WaihuDomain
import WaihuSIP
@testable import WaihuDialer
import WaihuTestPeers

/// 200 calls in a row against SIPp's built-in UAS: every call is answered and hung up,
/// and afterwards nothing is left over: no RTP port, no media leg, no transaction (with
/// short timers so that they expire within the test), no extra file descriptor.
final class CallResourceLeakTests: XCTestCase {
    static func openFileDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }

    func testTwoHundredCallsInARowLeaveNothingBehind() async throws {
        try PeerProcess.require("/usr/bin/sipp")
        let port = SharedPeers.peerPort()
        let uas = try PeerProcess("/usr/bin/sipp", ["-sn", "uas", "-i", "127.0.0.1", "-p", "\(port)", "-mp", "\(port + 2)",
                                                   "-m", "200", "-nostdin", "-timeout", "120s", "-timeout_error"],
                                  name: "sipp-uas-\(port)", directory: FileManager.default.temporaryDirectory)
        defer { uas.stop() }
        let timers = SIPTimerConfiguration(t1: .milliseconds(50), t2: .milliseconds(400), t4: .milliseconds(100))
        let engine = try await TelephonyEngine.start(TelephonyConfiguration(host: "127.0.0.1", sipPort: 0,
                                                                            rtpPorts: 30600...30999, timers: timers))
        try await Task.sleep(nanoseconds: 300_000_000)
        let request = OutboundCallRequest(target: .trunk(number: "13800138000", host: "127.0.0.1", port: port, credentials: nil),
                                          callerID: "10086", ringTimeout: .seconds(5))
        var descriptorsAfterWarmUp = 0
        var outcomes: [String: Int] = [:]
        for index in 0..<200 {
            let leg = try await engine.placeCall(request)
            _ = await leg.waitUntilAnswered()
            leg.hangUp()
            let report = await leg.waitUntilEnded()
            outcomes[report.outcome.rawValue, default: 0] += 1
            if index == 19 { descriptorsAfterWarmUp = Self.openFileDescriptors() }
        }
        XCTAssertEqual(outcomes, ["answered": 200], uas.output)
        let exit = await uas.waitForExit(seconds: 10)
        XCTAssertEqual(exit, 0, uas.output)

        // Transactions linger for timers K and M (64·T1 = 3.2 s here), then go.
        try await Task.sleep(nanoseconds: 4_000_000_000)
        let counters = await engine.counters()
        XCTAssertEqual(counters.callsPlaced, 200)
        XCTAssertEqual(counters.callsEnded, 200)
        XCTAssertEqual(counters.activeCalls, 0)
        XCTAssertEqual(counters.rtpPortsInUse, 0)
        XCTAssertEqual(counters.sipTransactions, 0)
        let mediaLegs = await engine.legsHoldingMedia()
        XCTAssertEqual(mediaLegs, 0)
        XCTAssertLessThanOrEqual(Self.openFileDescriptors(), descriptorsAfterWarmUp,
                                 "file descriptors grew between call 20 and call 200")
        try await engine.shutdown()
    }
}
