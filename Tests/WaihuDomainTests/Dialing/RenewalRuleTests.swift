import XCTest
@testable import WaihuDomain

final class RenewalRuleTests: XCTestCase {
    func testCallsNoEarlierThanFortyDaysBefore() {
        let rule = RenewalRule()
        let renewal = LocalDay(year: 2026, month: 3, day: 15)
        // 2026-02-03 is 40 days before 2026-03-15 (February 2026 has 28 days: 25 + 15).
        XCTAssertTrue(rule.allowsCall(renewalDate: renewal, today: LocalDay(year: 2026, month: 2, day: 3)))
        XCTAssertFalse(rule.allowsCall(renewalDate: renewal, today: LocalDay(year: 2026, month: 2, day: 2)))
        XCTAssertTrue(rule.allowsCall(renewalDate: renewal, today: LocalDay(year: 2026, month: 3, day: 20)))
    }

    func testDayCountAcrossLeapYearAndYearEnd() {
        XCTAssertEqual(RenewalRule.daysBetween(LocalDay(year: 2024, month: 2, day: 28), LocalDay(year: 2024, month: 3, day: 1)), 2)
        XCTAssertEqual(RenewalRule.daysBetween(LocalDay(year: 2025, month: 12, day: 31), LocalDay(year: 2026, month: 1, day: 1)), 1)
        XCTAssertEqual(RenewalRule.dayNumber(LocalDay(year: 1970, month: 1, day: 1)), 719_468)
    }
}
