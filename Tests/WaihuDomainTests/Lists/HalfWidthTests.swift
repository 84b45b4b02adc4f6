import XCTest
@testable import WaihuDomain

final class HalfWidthTests: XCTestCase {
    func testTrimmingRemovesEveryKindOfBlankAtBothEnds() {
        XCTAssertEqual(HalfWidth.trimmedString("\u{3000}张三\u{3000}"), "张三")
        XCTAssertEqual(HalfWidth.trimmedString("\u{A0} 张三\t"), "张三")
        XCTAssertEqual(HalfWidth.trimmedString("\u{FEFF}姓名"), "姓名")
        XCTAssertEqual(HalfWidth.trimmedString(" \r\n"), "")
        XCTAssertEqual(HalfWidth.trimmedString("a b"), "a b")
        XCTAssertEqual(HalfWidth.trimmedString("张 三"), "张 三")
        // Ends with 0x80 (like U+3000) and 0xBF (like U+FEFF) but is not blank.
        XCTAssertEqual(HalfWidth.trimmedString("  一\u{4E00}"), "一\u{4E00}")
        XCTAssertEqual(HalfWidth.trimmedString("\u{FF3F}"), "\u{FF3F}")
        XCTAssertEqual(String(HalfWidth.trimmed(" 沪A ")), "沪A")
    }

    func testFoldingFullWidthForms() {
        XCTAssertEqual(HalfWidth.fold("１"), "1")
        XCTAssertEqual(HalfWidth.fold("Ａ"), "A")
        XCTAssertEqual(HalfWidth.fold("（"), "(")
        XCTAssertEqual(HalfWidth.fold("\u{3000}"), " ")
        XCTAssertEqual(HalfWidth.fold("张"), "张")
    }
}
