import XCTest
@testable import WaihuDomain

/// The one rule both kinds of list use to skip empty rows.
final class BlankRowTests: XCTestCase {
    func testEmptyAndBlankCellsMakeABlankRow() {
        XCTAssertTrue(BlankRow.matches([]))
        XCTAssertTrue(BlankRow.matches(["", " ", "\t", "\u{3000}", "\u{A0}", "\u{FEFF}"]))
    }

    func testAnyVisibleCellMakesARow() {
        XCTAssertFalse(BlankRow.matches(["", "", "张三"]))
        XCTAssertFalse(BlankRow.matches(["\u{3000}0\u{3000}"]))
        XCTAssertFalse(BlankRow.matches(["13800138000"]))
    }
}
