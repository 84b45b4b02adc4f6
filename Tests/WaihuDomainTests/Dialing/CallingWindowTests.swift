import Foundation
import XCTest
@testable import WaihuDomain

final class CallingWindowTests: XCTestCase {
    private let shanghai = TimeZone(secondsFromGMT: 8 * 3600)!
    private let urumqi = TimeZone(secondsFromGMT: 6 * 3600)!

    /// 2026-03-02 00:00 UTC plus `hours`.
    private func date(utcHours hours: Double) -> Date {
        Date(timeIntervalSince1970: 1_772_409_600 + hours * 3600)
    }

    func testDefaultWindowIsNineToNineInLocalTime() {
        let window = CallingWindow.standard
        // 01:00 UTC is 09:00 in Shanghai: open. 00:59 UTC is 08:59: closed.
        XCTAssertTrue(window.allows(date(utcHours: 1), in: shanghai))
        XCTAssertFalse(window.allows(date(utcHours: 0.99), in: shanghai))
        // 13:00 UTC is 21:00 in Shanghai: closed (the end is exclusive), 20:59 open.
        XCTAssertFalse(window.allows(date(utcHours: 13), in: shanghai))
        XCTAssertTrue(window.allows(date(utcHours: 12.99), in: shanghai))
    }

    func testTheLeadsOwnTimeZoneDecides() {
        // 02:00 UTC: 10:00 in Shanghai but 08:00 for a lead at UTC+6.
        XCTAssertTrue(CallingWindow.standard.allows(date(utcHours: 2), in: shanghai))
        XCTAssertFalse(CallingWindow.standard.allows(date(utcHours: 2), in: urumqi))
    }

    func testHolidaysAreClosedAllDay() throws {
        let window = try CallingWindow(holidays: [CalendarDay(year: 2026, month: 3, day: 2)!])
        XCTAssertFalse(window.allows(date(utcHours: 4), in: shanghai))
        // 2026-03-03 12:00 in Shanghai.
        XCTAssertTrue(window.allows(date(utcHours: 28), in: shanghai))
    }

    func testWindowMustOpenBeforeItCloses() {
        XCTAssertThrowsError(try CallingWindow(opensAtMinute: 21 * 60, closesAtMinute: 9 * 60)) { error in
            XCTAssertEqual(error as? CallingWindowError, .invalidHours(opensAtMinute: 1260, closesAtMinute: 540))
            XCTAssertTrue("\(error)".contains("21:00–9:00"))
        }
    }
}
