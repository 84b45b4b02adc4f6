import Foundation
import XCTest
@testable import WaihuDialer
import WaihuTestPeers

/// The calls benchmark's logic on a small load (the figures come from `waihu bench
/// calls`; here only that it brings calls up, bridges them and counts their media).
/// `WAIHU_BENCH_CALLS` / `WAIHU_BENCH_SECONDS` run it at full size from the test binary.
final class CallBenchmarkTests: XCTestCase {
    func testBridgesAndMeasuresConcurrentCalls() async throws {
        try PeerProcess.require("/usr/bin/sipp")
        let environment = ProcessInfo.processInfo.environment
        let calls = environment["WAIHU_BENCH_CALLS"].flatMap(Int.init) ?? 4
        let seconds = environment["WAIHU_BENCH_SECONDS"].flatMap(Int.init) ?? 2
        let report = try await CallBenchmark.run(CallBenchmark.Parameters(concurrentCalls: calls, seconds: seconds,
                                                                          rtpPorts: 31000...31999))
        print(report.text)
        XCTAssertEqual(report.callsUp, calls)
        // Two legs per call, each receiving 50 packets a second from its echoing peer.
        XCTAssertGreaterThan(report.packetsReceived, calls * 2 * 50 * seconds / 2)
        XCTAssertGreaterThan(report.answerLatencyMilliseconds.max, 0)
        XCTAssertGreaterThanOrEqual(report.bridgeLatencyMilliseconds.p50, report.answerLatencyMilliseconds.p50)
    }
}
