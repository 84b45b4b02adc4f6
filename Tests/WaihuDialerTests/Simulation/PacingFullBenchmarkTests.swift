import Foundation
import XCTest
import WaihuDialer

/// The full benchmark table (12 points × 30 eight-hour shifts). Too slow for every CI run, so it
/// runs only with WAIHU_FULL_PACING_BENCH=1, best in release:
/// `WAIHU_FULL_PACING_BENCH=1 WAIHU_CORE_ONLY=1 swift test -c release --filter PacingFullBenchmarkTests`
/// WAIHU_PACING_AGENTS / WAIHU_PACING_ANSWER / WAIHU_PACING_SHIFTS / WAIHU_PACING_CAP change the points.
final class PacingFullBenchmarkTests: XCTestCase {
    func testFullBenchmarkMeetsTargets() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["WAIHU_FULL_PACING_BENCH"] == "1" else { throw XCTSkip("set WAIHU_FULL_PACING_BENCH=1 to run") }
        let agents = env["WAIHU_PACING_AGENTS"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? [5, 10, 20, 50]
        let answers = env["WAIHU_PACING_ANSWER"].map { $0.split(separator: ",").compactMap { Double($0) } } ?? [0.15, 0.25, 0.35]
        let shifts = env["WAIHU_PACING_SHIFTS"].flatMap { Int($0) } ?? 30
        let cap = env["WAIHU_PACING_CAP"].flatMap { Double($0) } ?? 0.03
        let start = Date()
        let report = try PacingBenchmark.run(agentCounts: agents, answerProbabilities: answers, shifts: shifts, cap: cap)
        print(report.textTable)
        print(String(format: "benchmark took %.1f s", Date().timeIntervalSince(start)))
        if let path = env["WAIHU_PACING_JSON"] { try report.json().write(toFile: path, atomically: true, encoding: .utf8) }
        XCTAssertTrue(report.allPass, report.textTable)
    }
}
