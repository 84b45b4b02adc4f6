import XCTest
@testable import WaihuDomain

final class RenewalRuleTests: XCTestCase {
    func testCallsNoEarlierThanFortyDaysBefore() {
        let rule = RenewalRule()
        let renewal = CalendarDay(year: 2026, month: 3, day: 15)!
        // 2026-02-03 is 40 days before 2026-03-15 (February 2026 has 28 days: 25 + 15).
        XCTAssertTrue(rule.allowsCall(renewalDate: renewal, today: CalendarDay(year: 2026, month: 2, day: 3)!))
        XCTAssertFalse(rule.allowsCall(renewalDate: renewal, today: CalendarDay(year: 2026, month: 2, day: 2)!))
        XCTAssertTrue(rule.allowsCall(renewalDate: renewal, today: CalendarDay(year: 2026, month: 3, day: 20)!))
    }

    /// The day count crosses a leap day and a year's end (`CalendarDay.days(until:)`).
    func testCallsFromFortyDaysBeforeARenewalAcrossTheYearEndAndALeapDay() {
        let rule = RenewalRule()
        XCTAssertTrue(rule.allowsCall(renewalDate: CalendarDay(year: 2027, month: 1, day: 10)!, today: CalendarDay(year: 2026, month: 12, day: 1)!))
        XCTAssertFalse(rule.allowsCall(renewalDate: CalendarDay(year: 2027, month: 1, day: 10)!, today: CalendarDay(year: 2026, month: 11, day: 30)!))
        // 2024-01-20 + 40 days is 2024-02-29.
        XCTAssertTrue(rule.allowsCall(renewalDate: CalendarDay(year: 2024, month: 2, day: 29)!, today: CalendarDay(year: 2024, month: 1, day: 20)!))
        XCTAssertFalse(rule.allowsCall(renewalDate: CalendarDay(year: 2024, month: 3, day: 1)!, today: CalendarDay(year: 2024, month: 1, day: 20)!))
    }
}
