import XCTest
@testable import WaihuDomain

final class RenewalDateTests: XCTestCase {
    private func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay {
        CalendarDay(year: year, month: month, day: day)!
    }

    func testExpiryWinsWhenPresent() {
        XCTAssertEqual(RenewalDate.resolve(expiry: date(2026, 5, 20), firstRegistration: date(2019, 6, 15), asOf: date(2026, 3, 1)),
                       date(2026, 5, 20))
        XCTAssertEqual(RenewalDate.resolve(expiry: date(2025, 12, 1), firstRegistration: nil, asOf: date(2026, 3, 1)),
                       date(2025, 12, 1), "a lapsed policy keeps its expiry")
    }

    func testNextAnniversaryOfFirstRegistrationOnOrAfterAsOf() {
        let asOf = date(2026, 3, 1)
        XCTAssertEqual(RenewalDate.resolve(expiry: nil, firstRegistration: date(2019, 6, 15), asOf: asOf), date(2026, 6, 15))
        XCTAssertEqual(RenewalDate.resolve(expiry: nil, firstRegistration: date(2019, 1, 10), asOf: asOf), date(2027, 1, 10))
        XCTAssertEqual(RenewalDate.resolve(expiry: nil, firstRegistration: date(2019, 3, 1), asOf: asOf), date(2026, 3, 1))
        XCTAssertEqual(RenewalDate.resolve(expiry: nil, firstRegistration: date(2019, 2, 28), asOf: asOf), date(2027, 2, 28))
    }

    func testLeapDayRegistrationRenewsOnFirstMarchInCommonYears() {
        let leapDay = date(2020, 2, 29)
        XCTAssertEqual(RenewalDate.resolve(expiry: nil, firstRegistration: leapDay, asOf: date(2026, 1, 10)), date(2026, 3, 1))
        XCTAssertEqual(RenewalDate.resolve(expiry: nil, firstRegistration: leapDay, asOf: date(2026, 3, 1)), date(2026, 3, 1))
        XCTAssertEqual(RenewalDate.resolve(expiry: nil, firstRegistration: leapDay, asOf: date(2026, 3, 2)), date(2027, 3, 1))
        XCTAssertEqual(RenewalDate.resolve(expiry: nil, firstRegistration: leapDay, asOf: date(2027, 3, 2)), date(2028, 2, 29))
    }

    func testRecentRegistrationRenewsAYearAfterIt() {
        XCTAssertEqual(RenewalDate.resolve(expiry: nil, firstRegistration: date(2026, 2, 1), asOf: date(2026, 1, 10)),
                       date(2027, 2, 1), "the registration day itself is not a renewal")
        XCTAssertEqual(RenewalDate.resolve(expiry: nil, firstRegistration: date(2025, 12, 1), asOf: date(2026, 1, 10)),
                       date(2026, 12, 1))
    }

    func testNoDatesGiveNoRenewalDate() {
        XCTAssertNil(RenewalDate.resolve(expiry: nil, firstRegistration: nil, asOf: date(2026, 3, 1)))
    }
}
