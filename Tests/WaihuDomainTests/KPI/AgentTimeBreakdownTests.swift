import XCTest
@testable import WaihuDomain

final class AgentTimeBreakdownTests: XCTestCase {
    /// 2026-03-02 08:00 +08:00.
    let eight = Date(timeIntervalSince1970: 1_772_409_600)

    func at(_ hour: Int, _ minute: Int) -> Date {
        eight.addingTimeInterval(TimeInterval((hour - 8) * 3600 + minute * 60))
    }

    func interval(_ state: AgentState, _ reason: NotReadyReason? = nil,
                  _ from: (Int, Int), _ to: (Int, Int)) -> AgentStateInterval {
        AgentStateInterval(agentID: "A1", state: state, reason: reason, start: at(from.0, from.1), end: at(to.0, to.1))
    }

    /// A morning 08:00–12:30, reported for the period 09:00–12:00.
    var morning: [AgentStateInterval] {
        [
            interval(.notReady, .training, (8, 0), (8, 30)),  // wholly before the period
            interval(.ready, nil, (8, 30), (9, 10)),          // crosses the start: 10 min inside
            interval(.onCall, nil, (9, 10), (9, 25)),         // 15 min
            interval(.wrapUp, nil, (9, 25), (9, 30)),         // 5 min
            interval(.notReady, .meal, (9, 30), (10, 0)),     // 30 min
            interval(.ready, nil, (10, 0), (10, 5)),          // 5 min
            interval(.internalCall, nil, (10, 5), (10, 15)),  // 10 min
            interval(.helpRequest, nil, (10, 15), (10, 20)),  // 5 min
            interval(.onCall, nil, (10, 20), (11, 0)),        // 40 min
            interval(.notReady, nil, (11, 0), (11, 10)),      // 10 min, no reason: other
            interval(.ready, nil, (11, 10), (11, 50)),        // 40 min
            interval(.notReady, .break, (11, 50), (12, 30)),  // crosses the end: 10 min inside
        ]
    }

    func testClipsToThePeriodAndSplitsByState() {
        let period = DateInterval(start: at(9, 0), end: at(12, 0))
        let b = AgentTimeBreakdown(intervals: morning, period: period)
        XCTAssertEqual(b.loggedIn, 3 * 3600)
        XCTAssertEqual(b.idle, (10 + 5 + 40) * 60)
        XCTAssertEqual(b.talk, (15 + 40) * 60)
        XCTAssertEqual(b.wrapUp, 5 * 60)
        XCTAssertEqual(b.notReady, (30 + 10 + 10) * 60)
        XCTAssertEqual(b.notReadyByReason, [.meal: 1800, .other: 600, .break: 600])
        XCTAssertEqual(AgentTimeBreakdown.reasonCounted(nil), .other, "the reports count a pause without a reason the same way")
        XCTAssertEqual(b.internalCall, 600)
        XCTAssertEqual(b.helpRequest, 300)
        XCTAssertEqual(b.effectiveWork, 60 * 60)
        // Training began before 09:00 and the break began inside: meal, other, break.
        XCTAssertEqual(b.notReadyCount, 3)
        XCTAssertEqual(b.helpRequestCount, 1)
        // 3300 / 10800 = 30.56%; 3000 / 10800 = 27.78%.
        XCTAssertEqual(b.workTimeEfficiency.percentText, "30.6%")
        XCTAssertEqual(b.idleRate.percentText, "30.6%")
        XCTAssertEqual(b.notReadyRate.percentText, "27.8%")
        // Calling: ready 55 + on call 55 + wrap-up 5 = 115 min; the meal, the other pause, the
        // break, the internal call and the help request are not calling.
        XCTAssertEqual(b.calling, 115 * 60)
        // 23 calls: 23 / 1.9167 h = 12.0 an hour spent calling; 23 / 3 h = 7.7 a logged-in hour.
        XCTAssertEqual(KPI.callsPerHour(callsPlaced: 23, callingSeconds: b.calling).text(), "12.0")
        XCTAssertEqual(KPI.callsPerLoggedInHour(callsPlaced: 23, loggedInSeconds: b.loggedIn).text(), "7.7")
    }

    func testAdjacentPeriodsAddUpToTheWhole() {
        let first = AgentTimeBreakdown(intervals: morning, period: DateInterval(start: at(8, 0), end: at(10, 0)))
        let second = AgentTimeBreakdown(intervals: morning, period: DateInterval(start: at(10, 0), end: at(12, 30)))
        let whole = AgentTimeBreakdown(intervals: morning, period: DateInterval(start: at(8, 0), end: at(12, 30)))
        XCTAssertEqual(first + second, whole)
        XCTAssertEqual(whole.loggedIn, 4.5 * 3600)
        XCTAssertEqual(whole.notReadyByReason[.break], 2400)
        XCTAssertEqual(whole.notReadyByReason[.training], 1800)
        XCTAssertEqual(whole.notReadyCount, 4)
    }

    func testNoIntervalsGiveDashesNotNaN() {
        let b = AgentTimeBreakdown(intervals: [], period: DateInterval(start: at(9, 0), end: at(12, 0)))
        XCTAssertEqual(b.loggedIn, 0)
        XCTAssertEqual(b.workTimeEfficiency.percentText, "—")
        XCTAssertEqual(b.idleRate.percentText, "—")
        XCTAssertEqual(b.notReadyRate.percentText, "—")
    }

    func testTeamTotals() {
        let period = DateInterval(start: at(9, 0), end: at(10, 0))
        let a = AgentTimeBreakdown(intervals: [interval(.onCall, nil, (9, 0), (9, 45)),
                                               interval(.notReady, .meal, (9, 45), (10, 0))], period: period)
        let b = AgentTimeBreakdown(intervals: [interval(.ready, nil, (9, 0), (9, 30)),
                                               interval(.notReady, .meal, (9, 30), (9, 40))], period: period)
        let team = a + b
        XCTAssertEqual(team.loggedIn, 100 * 60)
        XCTAssertEqual(team.notReadyByReason[.meal], 25 * 60)
        XCTAssertEqual(team.notReadyCount, 2)
        XCTAssertEqual(team.calling, 75 * 60) // 45 on a call + 30 ready
        XCTAssertEqual(team.workTimeEfficiency.percentText, "45.0%") // 45 of 100 minutes
    }
}
