import XCTest
import WaihuDomain

final class DoNotCallRuleTests: XCTestCase {
    func testAnEntryForGoodAlwaysHolds() {
        XCTAssertTrue(DoNotCallRule.isActive(lastDay: nil, on: "2026-12-03"))
        XCTAssertTrue(DoNotCallRule.isActive(lastDay: nil, on: "2099-01-01"))
    }

    func testAnEntryHoldsThroughItsLastDayAndNoLonger() {
        XCTAssertTrue(DoNotCallRule.isActive(lastDay: "2026-12-03", on: "2026-12-02"))
        XCTAssertTrue(DoNotCallRule.isActive(lastDay: "2026-12-03", on: "2026-12-03"))
        XCTAssertFalse(DoNotCallRule.isActive(lastDay: "2026-12-03", on: "2026-12-04"))
        XCTAssertFalse(DoNotCallRule.isActive(lastDay: "2025-12-31", on: "2026-01-01"))
    }

    func testTheSQLConditionSaysTheSame() {
        XCTAssertEqual(DoNotCallRule.sqlCondition(lastDayColumn: "\"until\"", on: "2026-12-03"),
                       "(\"until\" IS NULL OR \"until\" >= '2026-12-03')")
    }
}
