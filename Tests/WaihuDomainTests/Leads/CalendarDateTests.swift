import Foundation
import XCTest
@testable import WaihuDomain

final class CalendarDateTests: XCTestCase {
    private func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }

    func testImpossibleDaysAreRejected() {
        XCTAssertNil(CalendarDate(year: 2026, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 2026, month: 2, day: 30))
        XCTAssertNil(CalendarDate(year: 1900, month: 2, day: 29), "1900 is not a leap year")
        XCTAssertNil(CalendarDate(year: 2026, month: 4, day: 31))
        XCTAssertNil(CalendarDate(year: 2026, month: 13, day: 1))
        XCTAssertNil(CalendarDate(year: 2026, month: 0, day: 1))
        XCTAssertNil(CalendarDate(year: 2026, month: 1, day: 0))
        XCTAssertNil(CalendarDate(year: 0, month: 1, day: 1))
        XCTAssertNotNil(CalendarDate(year: 2024, month: 2, day: 29))
        XCTAssertNotNil(CalendarDate(year: 2000, month: 2, day: 29), "2000 is a leap year")
        XCTAssertNotNil(CalendarDate(year: 2026, month: 12, day: 31))
    }

    func testDaysSince1970() {
        XCTAssertEqual(date(1970, 1, 1).daysSince1970, 0)
        XCTAssertEqual(date(2000, 3, 1).daysSince1970, 11_017)
        XCTAssertEqual(date(2026, 3, 5).daysSince1970, 20_517)
        XCTAssertEqual(date(1899, 12, 30).daysSince1970, -25_569)
        XCTAssertEqual(date(1, 1, 1).daysSince1970, -719_162)
        XCTAssertEqual(date(9999, 12, 31).daysSince1970, 2_932_896)
        XCTAssertEqual(CalendarDate(daysSince1970: 20_517), date(2026, 3, 5))
        XCTAssertEqual(CalendarDate(daysSince1970: -25_569), date(1899, 12, 30))
        XCTAssertNil(CalendarDate(daysSince1970: 2_932_897))
    }

    func testDayCountRoundTripsOverFourCenturies() {
        var previous = date(1899, 12, 31)
        for days in -25_567...(-25_567 + 146_097) {
            let current = CalendarDate(daysSince1970: days)!
            XCTAssertEqual(current.daysSince1970, days)
            XCTAssertLessThan(previous, current)
            previous = current
        }
    }

    func testAddingDaysCrossesMonthsYearsAndLeapDays() {
        XCTAssertEqual(date(2024, 2, 28).addingDays(1), date(2024, 2, 29))
        XCTAssertEqual(date(2023, 2, 28).addingDays(1), date(2023, 3, 1))
        XCTAssertEqual(date(2026, 12, 31).addingDays(1), date(2027, 1, 1))
        XCTAssertEqual(date(2026, 3, 1).addingDays(-1), date(2026, 2, 28))
        XCTAssertEqual(date(2026, 1, 1).addingDays(365), date(2027, 1, 1))
        XCTAssertNil(date(9999, 12, 31).addingDays(1))
    }

    func testOrderingAndISOString() {
        XCTAssertLessThan(date(2025, 12, 31), date(2026, 1, 1))
        XCTAssertLessThan(date(2026, 2, 28), date(2026, 3, 1))
        XCTAssertEqual(date(2026, 3, 5).isoString, "2026-03-05")
        XCTAssertEqual(date(987, 1, 9).isoString, "0987-01-09")
    }

    func testCodableAsISOString() throws {
        let data = try JSONEncoder().encode([date(2026, 3, 5)])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"2026-03-05\"]")
        XCTAssertEqual(try JSONDecoder().decode([CalendarDate].self, from: data), [date(2026, 3, 5)])
        XCTAssertThrowsError(try JSONDecoder().decode([CalendarDate].self, from: Data("[\"2026-02-30\"]".utf8)))
    }
}

final class CalendarDateISOTests: XCTestCase {
    func testStoredDaysReadBack() {
        XCTAssertEqual(CalendarDate(isoString: "2026-02-28"), CalendarDate(year: 2026, month: 2, day: 28))
        XCTAssertNil(CalendarDate(isoString: "2026-02-30"))
        XCTAssertNil(CalendarDate(isoString: "20260228"))
    }

    func testISOStringPadsEveryField() {
        XCTAssertEqual(CalendarDate(year: 2026, month: 12, day: 31)?.isoString, "2026-12-31")
        XCTAssertEqual(CalendarDate(year: 987, month: 1, day: 2)?.isoString, "0987-01-02")
        XCTAssertEqual(CalendarDate(year: 2000, month: 2, day: 29)?.isoString, "2000-02-29")
    }
}
