import XCTest
@testable import WaihuDomain

final class ListQualityTests: XCTestCase {
    func testCostAndRatesOfOneBatch() {
        let quality = ListQuality(rows: 200, leads: 150, invalid: 30, duplicate: 16, pricePerLead: 0.5)
        XCTAssertEqual(quality.leads, 150)
        XCTAssertEqual(quality.cost, 75, accuracy: 1e-9)
        XCTAssertEqual(quality.invalidRate!, 0.15, accuracy: 1e-9)
        XCTAssertEqual(quality.duplicateRate!, 0.08, accuracy: 1e-9)
        XCTAssertNil(quality.contactRate)
        XCTAssertNil(quality.costPerSuccess)
    }

    func testAnEmptyListHasNoRates() {
        let quality = ListQuality(rows: 0, leads: 0, invalid: 0, duplicate: 0, pricePerLead: 1.5)
        XCTAssertNil(quality.invalidRate)
        XCTAssertEqual(quality.cost, 0)
    }

    func testASourceSumsItsBatchesAndWeighsRatesByRows() {
        let quality = ListQuality.combined([(rows: 100, leads: 90, invalid: 10, duplicate: 0, cost: 9),
                                            (rows: 300, leads: 270, invalid: 10, duplicate: 20, cost: 13.5)])
        XCTAssertEqual(quality.leads, 360)
        XCTAssertEqual(quality.cost, 22.5, accuracy: 1e-9)
        XCTAssertEqual(quality.invalidRate!, 0.05, accuracy: 1e-9)
        XCTAssertEqual(quality.duplicateRate!, 0.05, accuracy: 1e-9)
    }
}

final class DoNotCallPeriodTests: XCTestCase {
    func testSixMonthsByDefault() {
        let until = DoNotCallPeriod().until(from: CalendarDay(year: 2026, month: 3, day: 5)!)
        XCTAssertEqual(until.isoString, "2026-09-05")
    }

    func testCrossesTheYearAndClampsToTheEndOfAShortMonth() {
        XCTAssertEqual(DoNotCallPeriod().until(from: CalendarDay(year: 2026, month: 8, day: 31)!).isoString, "2027-02-28")
        XCTAssertEqual(DoNotCallPeriod(months: 12).until(from: CalendarDay(year: 2027, month: 2, day: 29 - 1)!).isoString, "2028-02-28")
        XCTAssertEqual(DoNotCallPeriod(months: 3).until(from: CalendarDay(year: 2027, month: 11, day: 30)!).isoString, "2028-02-29")
    }
}

final class ListQualityCallsTests: XCTestCase {
    func testRatesOnceCalled() {
        let quality = ListQuality(rows: 100, leads: 80, invalid: 10, duplicate: 10, pricePerLead: 0.5)
        XCTAssertNil(quality.contactRate)
        let called = quality.withCalls(dialled: 50, contacted: 20, successes: 4)
        XCTAssertEqual(called.contactRate, 0.4)
        XCTAssertEqual(called.successRate, 0.08)
        XCTAssertEqual(called.costPerSuccess, 10)
        let noSale = quality.withCalls(dialled: 50, contacted: 20, successes: 0)
        XCTAssertNil(noSale.costPerSuccess)
        XCTAssertNil(quality.withCalls(dialled: 0, contacted: 0, successes: 0).contactRate)
    }
}
