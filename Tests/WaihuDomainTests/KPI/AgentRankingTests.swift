import XCTest
@testable import WaihuDomain

final class AgentRankingTests: XCTestCase {
    func row(_ id: String, eff: Ratio = Ratio(0, over: 0), idle: Ratio = Ratio(0, over: 0),
             notReady: Ratio = Ratio(0, over: 0), aht: Ratio = Ratio(0, over: 0), cph: Ratio = Ratio(0, over: 0),
             successes: Int = 0, connected: Int = 0) -> AgentKPIRow {
        AgentKPIRow(agentID: id, workTimeEfficiency: eff, idleRate: idle, notReadyRate: notReady,
                    averageHandleTime: aht, callsPerHour: cph, successCount: successes,
                    successRate: KPI.onlineSuccessRate(successes: successes, connectedCalls: connected))
    }

    func testSuccessValue() {
        // 20 successes at 5.0% = 100.0.
        XCTAssertEqual(KPI.successValue(successCount: 20, successRate: Ratio(20, over: 400)), 100)
        XCTAssertNil(KPI.successValue(successCount: 0, successRate: Ratio(0, over: 0)))
    }

    func testEfficiencyRankingSumsRanks() {
        let rows = [
            row("A", eff: Ratio(40, over: 100), idle: Ratio(10, over: 100), notReady: Ratio(5, over: 100)),
            row("B", eff: Ratio(30, over: 100), idle: Ratio(20, over: 100), notReady: Ratio(5, over: 100)),
            row("C", eff: Ratio(35, over: 100), idle: Ratio(5, over: 100), notReady: Ratio(15, over: 100)),
            row("D"), // never logged in
        ]
        // efficiency A1 C2 B3 D4; idle C1 A2 B3 D4; not ready A1 B1 C3 D4.
        // Sums: A 4, C 6, B 7, D 12.
        XCTAssertEqual(AgentRanking.byEfficiency(rows), [
            RankedAgent(rank: 1, agentID: "A", score: 4),
            RankedAgent(rank: 2, agentID: "C", score: 6),
            RankedAgent(rank: 3, agentID: "B", score: 7),
            RankedAgent(rank: 4, agentID: "D", score: 12),
        ])
    }

    func testHandleTimeAndCallsPerHour() {
        let rows = [
            row("A", aht: Ratio(120, over: 1), cph: Ratio(10, over: 1)),
            row("B", aht: Ratio(90, over: 1), cph: Ratio(12, over: 1)),
            row("C", aht: Ratio(90, over: 1), cph: Ratio(8, over: 1)),
        ]
        // Handle time (short first) B1 C1 A3; calls per hour B1 A2 C3. Sums: B 2, C 4, A 5.
        XCTAssertEqual(AgentRanking.byHandleTimeAndCallsPerHour(rows).map(\.agentID), ["B", "C", "A"])
        XCTAssertEqual(AgentRanking.byHandleTimeAndCallsPerHour(rows).map(\.score), [2, 4, 5])
    }

    func testSuccessValueRankingWithTiesAndNoValue() {
        let rows = [
            row("B", successes: 30, connected: 1000), // 3% × 30 = 90
            row("D"),                                 // no calls: "—"
            row("C", successes: 10, connected: 100),  // 10% × 10 = 100
            row("A", successes: 20, connected: 400),  // 5% × 20 = 100
        ]
        let ranked = AgentRanking.bySuccessValue(rows)
        XCTAssertEqual(ranked.map(\.agentID), ["A", "C", "B", "D"])
        XCTAssertEqual(ranked.map(\.rank), [1, 1, 3, 4])
        XCTAssertEqual(ranked.map(\.score), [100, 100, 90, nil])
    }
}
