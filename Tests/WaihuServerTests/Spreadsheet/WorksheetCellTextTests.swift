import XCTest
@testable import WaihuServer

/// Cell references name columns with up to three letters (A … XFD).
final class WorksheetCellTextTests: XCTestCase {
    func testColumnReferences() {
        XCTAssertEqual(WorksheetCellText.columnIndex(Array("A1".utf8)), 0)
        XCTAssertEqual(WorksheetCellText.columnIndex(Array("AA10".utf8)), 26)
        XCTAssertEqual(WorksheetCellText.columnIndex(Array("XFD1".utf8)), 16_383)
        XCTAssertNil(WorksheetCellText.columnIndex(Array("ABCD1".utf8)))
        XCTAssertNil(WorksheetCellText.columnIndex(Array("12".utf8)))
    }
}
