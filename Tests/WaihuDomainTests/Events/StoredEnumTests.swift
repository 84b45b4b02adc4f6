import XCTest
@testable import WaihuDomain

final class StoredEnumTests: XCTestCase {
    func testRawValuesAreTheStoredNames() {
        // The stored vocabulary of agent states is unchanged by the live-only states.
        XCTAssertEqual(AgentState.recordedStates.map(\.rawValue),
                       ["ready", "on_call", "wrap_up", "not_ready", "internal_call", "help_request"])
        XCTAssertEqual(AgentState.allCases.map(\.rawValue),
                       ["logged_out", "ready", "reserved", "ringing", "on_call", "wrap_up", "not_ready", "internal_call", "help_request"])
        XCTAssertEqual(CallOutcome.allCases.map(\.rawValue),
                       ["answered", "busy", "no_answer", "invalid", "rejected", "abandoned", "machine", "failed"])
        XCTAssertEqual(DispositionCategory(rawValue: "invalid_number"), .invalidNumber)
        XCTAssertEqual(DispositionCategory(rawValue: "wrong_party"), .wrongParty)
        XCTAssertEqual(NotReadyReason(rawValue: "break"), .break)
        XCTAssertNil(CallOutcome(rawValue: "No Answer"))
    }

    func testCalendarDay() {
        XCTAssertEqual(CalendarDay("2024-02-29")?.description, "2024-02-29")
        XCTAssertNil(CalendarDay("2026-02-29"), "2026 is not a leap year")
        XCTAssertNil(CalendarDay("2026-3-2"))
        XCTAssertTrue(CalendarDay("2026-03-02")! < CalendarDay("2026-10-01")!)
    }

    func testEmploymentOnItsLastDay() {
        let record = EmploymentRecord(agentID: "A1", skill: .outbound,
                                      hiredOn: CalendarDay("2026-01-05")!, leftOn: CalendarDay("2026-03-31")!)
        XCTAssertFalse(record.isEmployed(atStartOf: CalendarDay("2026-01-04")!))
        XCTAssertTrue(record.isEmployed(atStartOf: CalendarDay("2026-01-05")!))
        XCTAssertTrue(record.isEmployed(atStartOf: CalendarDay("2026-03-31")!))
        XCTAssertFalse(record.isEmployed(atEndOf: CalendarDay("2026-03-31")!))
        XCTAssertTrue(record.isEmployed(atEndOf: CalendarDay("2026-03-30")!))
    }
}
