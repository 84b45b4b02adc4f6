import XCTest
@testable import WaihuDomain

final class PeopleKPITests: XCTestCase {
    func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    func testAttritionRate() {
        // 3 leavers, 40 at start, 38 at end: 3 / 39 = 7.69%.
        XCTAssertEqual(KPI.attritionRate(leavers: 3, agentsAtStart: 40, agentsAtEnd: 38).percentText, "7.7%")
        XCTAssertEqual(KPI.attritionRate(leavers: 0, agentsAtStart: 0, agentsAtEnd: 0).percentText, "—")
    }

    func testAttritionRateFromEmploymentRecords() {
        let records = [
            EmploymentRecord(agentID: "A", skill: .outbound, hiredOn: day("2025-01-01")),
            EmploymentRecord(agentID: "B", skill: .outbound, hiredOn: day("2025-06-01"), leftOn: day("2026-03-15")),
            EmploymentRecord(agentID: "C", skill: .dual, hiredOn: day("2026-03-10")),
            EmploymentRecord(agentID: "D", skill: .outbound, hiredOn: day("2025-01-01"), leftOn: day("2026-02-28")),
            EmploymentRecord(agentID: "E", skill: .inbound, hiredOn: day("2025-01-01"), leftOn: day("2026-03-31")),
        ]
        // March: leavers B, E = 2; at start A, B, E = 3; at end A, C = 2; 2 / 2.5 = 80%.
        let rate = KPI.attritionRate(records, from: day("2026-03-01"), through: day("2026-03-31"))
        XCTAssertEqual(rate, Ratio(2, over: 2.5))
        XCTAssertEqual(rate.percentText, "80.0%")
        XCTAssertEqual(KPI.agentsBySkill(records, on: day("2026-03-12")), [.outbound: 2, .dual: 1, .inbound: 1])
    }

    func testAttendanceFromTheRoster() {
        let t = Date(timeIntervalSince1970: 1_772_413_200)
        let hour: TimeInterval = 3600
        let roster = [
            RosterEntry(agentID: "A1", day: day("2026-03-02"), shiftStart: t, shiftEnd: t + 8 * hour),
            RosterEntry(agentID: "A1", day: day("2026-03-03"), shiftStart: t + 24 * hour, shiftEnd: t + 32 * hour,
                        leave: .annual),
            RosterEntry(agentID: "A2", day: day("2026-03-02"), shiftStart: t, shiftEnd: t + 8 * hour),
            RosterEntry(agentID: "A2", day: day("2026-03-03"), shiftStart: t + 24 * hour, shiftEnd: t + 28 * hour),
        ]
        let present: Set = [
            AgentDay(agentID: "A1", day: day("2026-03-02")),
            AgentDay(agentID: "A1", day: day("2026-03-03")), // came in on leave: not counted either way
            AgentDay(agentID: "A2", day: day("2026-03-03")),
        ]
        // Scheduled: A1 2nd, A2 2nd, A2 3rd = 3; present among them: 2.
        XCTAssertEqual(KPI.attendanceRate(roster: roster, present: present).percentText, "66.7%")
        // 8 + 8 + 4 hours; the leave day's shift is not scheduled.
        XCTAssertEqual(KPI.scheduledSeconds(roster: roster), 20 * hour)
        XCTAssertEqual(KPI.attendanceRate(present: 0, scheduled: 0).percentText, "—")
        XCTAssertEqual(KPI.attendanceRate(present: 99, scheduled: 100).percentText, "99.0%")
    }

    func testScheduledHoursAndAdherence() {
        XCTAssertEqual(KPI.scheduledHours(dailyHours: 8, daysPresent: 21), 168)
        // 150 h logged in of 168 h scheduled = 89.29%.
        XCTAssertEqual(KPI.scheduleAdherence(loggedIn: 150 * 3600, scheduled: 168 * 3600).percentText, "89.3%")
        XCTAssertEqual(KPI.scheduleAdherence(loggedIn: 3600, scheduled: 0).percentText, "—")
    }

    func testTimeRates() {
        // 7 h logged in: 2 h 48 min talk = 40%, 42 min not ready = 10%, 21 min idle = 5%.
        let loggedIn: TimeInterval = 7 * 3600
        XCTAssertEqual(KPI.workTimeEfficiency(talk: 168 * 60, loggedIn: loggedIn).percentText, "40.0%")
        XCTAssertEqual(KPI.notReadyRate(notReady: 42 * 60, loggedIn: loggedIn).percentText, "10.0%")
        XCTAssertEqual(KPI.idleRate(idle: 21 * 60, loggedIn: loggedIn).percentText, "5.0%")
        XCTAssertEqual(KPI.workTimeEfficiency(talk: 0, loggedIn: 0).percentText, "—")
    }
}
