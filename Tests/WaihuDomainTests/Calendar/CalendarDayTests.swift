import Foundation
import XCTest
@testable import WaihuDomain

final class CalendarDayTests: XCTestCase {
    private func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay {
        CalendarDay(year: year, month: month, day: day)!
    }

    func testImpossibleDaysAreRejected() {
        XCTAssertNil(CalendarDay(year: 2026, month: 2, day: 29))
        XCTAssertNil(CalendarDay(year: 2026, month: 2, day: 30))
        XCTAssertNil(CalendarDay(year: 1900, month: 2, day: 29), "1900 is not a leap year")
        XCTAssertNil(CalendarDay(year: 2026, month: 4, day: 31))
        XCTAssertNil(CalendarDay(year: 2026, month: 13, day: 1))
        XCTAssertNil(CalendarDay(year: 2026, month: 0, day: 1))
        XCTAssertNil(CalendarDay(year: 2026, month: 1, day: 0))
        XCTAssertNil(CalendarDay(year: 0, month: 1, day: 1))
        XCTAssertNil(CalendarDay(year: 10_000, month: 1, day: 1))
        XCTAssertNotNil(CalendarDay(year: 2024, month: 2, day: 29))
        XCTAssertNotNil(CalendarDay(year: 2000, month: 2, day: 29), "2000 is a leap year")
        XCTAssertNotNil(CalendarDay(year: 2026, month: 12, day: 31))
    }

    func testParsesOnlyYYYYMMDD() {
        XCTAssertEqual(CalendarDay("2026-02-28"), day(2026, 2, 28))
        XCTAssertEqual(CalendarDay("2024-02-29"), day(2024, 2, 29))
        XCTAssertNil(CalendarDay("2026-02-29"), "2026 is not a leap year")
        XCTAssertNil(CalendarDay("2026-02-30"))
        XCTAssertNil(CalendarDay("2026-3-2"))
        XCTAssertNil(CalendarDay("20260228"))
        XCTAssertNil(CalendarDay("2026/02/28"))
        XCTAssertNil(CalendarDay("2026-02-2x"))
        XCTAssertNil(CalendarDay("+026-02-28"))
        XCTAssertNil(CalendarDay(" 2026-02-28"))
        XCTAssertNil(CalendarDay(""))
    }

    func testDaysSince1970() {
        XCTAssertEqual(day(1970, 1, 1).daysSince1970, 0)
        XCTAssertEqual(day(2000, 3, 1).daysSince1970, 11_017)
        XCTAssertEqual(day(2026, 3, 5).daysSince1970, 20_517)
        XCTAssertEqual(day(1899, 12, 30).daysSince1970, -25_569)
        XCTAssertEqual(day(1, 1, 1).daysSince1970, -719_162)
        XCTAssertEqual(day(9999, 12, 31).daysSince1970, 2_932_896)
        XCTAssertEqual(CalendarDay(daysSince1970: 20_517), day(2026, 3, 5))
        XCTAssertEqual(CalendarDay(daysSince1970: -25_569), day(1899, 12, 30))
        XCTAssertNil(CalendarDay(daysSince1970: 2_932_897))
    }

    func testDayCountRoundTripsOverFourCenturies() {
        var previous = day(1899, 12, 31)
        for days in -25_567...(-25_567 + 146_097) {
            let current = CalendarDay(daysSince1970: days)!
            XCTAssertEqual(current.daysSince1970, days)
            XCTAssertLessThan(previous, current)
            previous = current
        }
    }

    func testAddingDaysCrossesMonthsYearsAndLeapDays() {
        XCTAssertEqual(day(2024, 2, 28).addingDays(1), day(2024, 2, 29))
        XCTAssertEqual(day(2023, 2, 28).addingDays(1), day(2023, 3, 1))
        XCTAssertEqual(day(2026, 12, 31).addingDays(1), day(2027, 1, 1))
        XCTAssertEqual(day(2026, 3, 1).addingDays(-1), day(2026, 2, 28))
        XCTAssertEqual(day(2026, 1, 1).addingDays(365), day(2027, 1, 1))
        XCTAssertNil(day(9999, 12, 31).addingDays(1))
    }

    func testDaysUntilAnotherDay() {
        XCTAssertEqual(day(2024, 2, 28).days(until: day(2024, 3, 1)), 2, "over a leap day")
        XCTAssertEqual(day(2023, 2, 28).days(until: day(2023, 3, 1)), 1)
        XCTAssertEqual(day(2025, 12, 31).days(until: day(2026, 1, 1)), 1)
        XCTAssertEqual(day(2026, 3, 15).days(until: day(2026, 2, 3)), -40)
    }

    func testOrderingAndISOString() {
        XCTAssertLessThan(day(2025, 12, 31), day(2026, 1, 1))
        XCTAssertLessThan(day(2026, 2, 28), day(2026, 3, 1))
        XCTAssertEqual(day(2026, 3, 5).isoString, "2026-03-05")
        XCTAssertEqual(day(2026, 12, 31).isoString, "2026-12-31")
        XCTAssertEqual(day(987, 1, 9).isoString, "0987-01-09")
        XCTAssertEqual(day(2000, 2, 29).description, "2000-02-29")
    }

    func testCodableAsISOString() throws {
        let data = try JSONEncoder().encode([day(2026, 3, 5)])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"2026-03-05\"]")
        XCTAssertEqual(try JSONDecoder().decode([CalendarDay].self, from: data), [day(2026, 3, 5)])
        XCTAssertThrowsError(try JSONDecoder().decode([CalendarDay].self, from: Data("[\"2026-02-30\"]".utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode([CalendarDay].self, from: Data("[\"2026/03/05\"]".utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode([CalendarDay].self, from: Data(#"[{"year":2026,"month":3,"day":5}]"#.utf8)))
    }

    /// A call center counts days in its own time zone: 2026-03-01 23:30 and 2026-03-02 00:30 in
    /// Shanghai are two local days though both are 2026-03-01 in UTC, and 16:30 UTC is already
    /// the next day in Shanghai.
    func testTheLocalDayAcrossMidnightInShanghaiAndUTC() throws {
        let shanghai = LocalClock(timeZone: try XCTUnwrap(TimeZone(identifier: "Asia/Shanghai")))
        let utc = LocalClock(timeZone: try XCTUnwrap(TimeZone(identifier: "UTC")))
        let beforeMidnight = try XCTUnwrap(EventTimestamp.parse("2026-03-01T23:30:00+08:00"))
        let afterMidnight = try XCTUnwrap(EventTimestamp.parse("2026-03-02T00:30:00+08:00"))
        let sixteenThirtyUTC = try XCTUnwrap(EventTimestamp.parse("2026-03-01T16:30:00Z"))

        XCTAssertEqual(shanghai.day(of: beforeMidnight), day(2026, 3, 1))
        XCTAssertEqual(shanghai.day(of: afterMidnight), day(2026, 3, 2))
        XCTAssertEqual(utc.day(of: beforeMidnight), day(2026, 3, 1))
        XCTAssertEqual(utc.day(of: afterMidnight), day(2026, 3, 1), "the same UTC day")
        XCTAssertEqual(sixteenThirtyUTC, afterMidnight)
        XCTAssertEqual(shanghai.day(of: sixteenThirtyUTC), day(2026, 3, 2), "16:30 UTC is the next Shanghai day")
        // Shanghai's midnight is 16:00 UTC: one second before it is still 2026-03-01 there.
        XCTAssertEqual(shanghai.day(of: sixteenThirtyUTC.addingTimeInterval(-30 * 60 - 1)), day(2026, 3, 1))
        XCTAssertEqual(shanghai.day(of: sixteenThirtyUTC.addingTimeInterval(-30 * 60)), day(2026, 3, 2))
        // The day's start in Shanghai is 16:00 UTC the evening before, and its text is the same day.
        XCTAssertEqual(shanghai.start(of: day(2026, 3, 2)), EventTimestamp.parse("2026-03-01T16:00:00Z"))
        XCTAssertEqual(shanghai.dayAndHour(sixteenThirtyUTC).day, "2026-03-02")
        XCTAssertEqual(shanghai.dayAndHour(sixteenThirtyUTC).hour, 0)
    }

    /// Days before 1970 (negative day counts) fall on the right local day too.
    func testTheLocalDayBefore1970() throws {
        let shanghai = LocalClock(timeZone: try XCTUnwrap(TimeZone(identifier: "Asia/Shanghai")))
        let instant = try XCTUnwrap(EventTimestamp.parse("1969-12-31T23:59:00+08:00"))
        XCTAssertEqual(shanghai.day(of: instant), day(1969, 12, 31))
        XCTAssertEqual(shanghai.day(of: instant.addingTimeInterval(60)), day(1970, 1, 1))
    }
}
