import XCTest
@testable import WaihuDomain

final class LeadDateParserTests: XCTestCase {
    private let march5 = CalendarDay(year: 2026, month: 3, day: 5)!

    func testEveryTextFormOfTheIssue() {
        let forms = [
            "2026/3/5", "2026/03/05", "2026-03-05", "2026-3-5", "20260305", "2026年3月5日", "2026年03月05日",
            "2026年3月5", "2026.3.5", "2026.03.05", "２０２６/３/５", "２０２６年３月５日", " 2026-03-05 ",
            "2026-03-05 00:00:00", "2026/3/5 8:30", "2026-03-05T08:00:00", "2026年3月5日 10:00",
        ]
        for form in forms {
            XCTAssertEqual(LeadDateParser.parse(form), march5, form)
        }
    }

    func testImpossibleOrUnknownTextIsMissing() {
        let bad = [
            "2026-02-30", "20260230", "2026/2/29", "2026-13-01", "2026-00-10", "2026/3", "26/3/5", "3/5/2026",
            "2026-3/5", "2026年3-5", "2026--03-05", "2026/3/5/1", "202603051", "2026", "", "  ", "abc",
            "2026/123/5", "2026-03-05x", "00000000", "年2026-03-05", "2026年3月5日日", "2026年3月", "2026-03-05一",
        ]
        for text in bad {
            XCTAssertNil(LeadDateParser.parse(text), text)
        }
    }

    func testFiveDigitNumbersAreExcelSerials() {
        XCTAssertEqual(LeadDateParser.parse("46086"), march5)
        XCTAssertEqual(LeadDateParser.parse("46086.75"), march5)
        XCTAssertEqual(LeadDateParser.parse("25569"), CalendarDay(year: 1970, month: 1, day: 1))
        XCTAssertNil(LeadDateParser.parse("460"), "too short to be a date serial in a list")
    }

    func testExcel1900Serials() {
        XCTAssertEqual(LeadDateParser.date(fromExcelSerial: 1), CalendarDay(year: 1900, month: 1, day: 1))
        XCTAssertEqual(LeadDateParser.date(fromExcelSerial: 59), CalendarDay(year: 1900, month: 2, day: 28))
        XCTAssertNil(LeadDateParser.date(fromExcelSerial: 60), "Excel's 1900-02-29 does not exist")
        XCTAssertEqual(LeadDateParser.date(fromExcelSerial: 61), CalendarDay(year: 1900, month: 3, day: 1))
        XCTAssertEqual(LeadDateParser.date(fromExcelSerial: 25_569), CalendarDay(year: 1970, month: 1, day: 1))
        XCTAssertEqual(LeadDateParser.date(fromExcelSerial: 25_569.999), CalendarDay(year: 1970, month: 1, day: 1))
        XCTAssertEqual(LeadDateParser.date(fromExcelSerial: 46_086), march5)
        XCTAssertNil(LeadDateParser.date(fromExcelSerial: 0))
        XCTAssertNil(LeadDateParser.date(fromExcelSerial: -1))
        XCTAssertNil(LeadDateParser.date(fromExcelSerial: .nan))
        XCTAssertNil(LeadDateParser.date(fromExcelSerial: .infinity))
        XCTAssertNil(LeadDateParser.date(fromExcelSerial: 1e12))
    }

    func testExcel1904Serials() {
        XCTAssertEqual(LeadDateParser.date(fromExcelSerial: 0, system: .from1904), CalendarDay(year: 1904, month: 1, day: 1))
        XCTAssertEqual(LeadDateParser.date(fromExcelSerial: 24_107, system: .from1904), CalendarDay(year: 1970, month: 1, day: 1))
        XCTAssertEqual(LeadDateParser.parse("24107", system: .from1904), CalendarDay(year: 1970, month: 1, day: 1))
        XCTAssertEqual(LeadDateParser.parse("2026-03-05", system: .from1904), march5, "text is not a serial")
    }
}
