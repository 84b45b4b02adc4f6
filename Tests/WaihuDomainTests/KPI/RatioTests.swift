import XCTest
@testable import WaihuDomain

final class RatioTests: XCTestCase {
    func testPercentWithOneDecimal() {
        XCTAssertEqual(Ratio(1, over: 3).percentText, "33.3%")
        XCTAssertEqual(Ratio(2, over: 3).percentText, "66.7%")
        XCTAssertEqual(Ratio(0, over: 5).percentText, "0.0%")
        XCTAssertEqual(Ratio(5, over: 4).percentText, "125.0%")
        XCTAssertEqual(Ratio(1, over: 8).percent, 12.5)
    }

    func testZeroDenominatorHasNoValueAndShowsADash() {
        XCTAssertNil(Ratio(0, over: 0).value)
        XCTAssertNil(Ratio(7, over: 0).percent)
        XCTAssertEqual(Ratio(0, over: 0).percentText, "—")
        XCTAssertEqual(Ratio(7, over: 0).text(), "—")
        XCTAssertNil(Ratio(Double.nan, over: 2).value)
        XCTAssertNil(Ratio(1, over: Double.infinity).value)
    }

    func testPlainText() {
        XCTAssertEqual(Ratio(7, over: 2).text(), "3.5")
        XCTAssertEqual(Ratio(10, over: 3).text(decimals: 2), "3.33")
    }

    func testTeamRatioIsTotalOverTotal() {
        // Agent A 1 of 4, agent B 3 of 4: team 4 of 8 = 50%, whatever the agents' mean.
        let team = Ratio(1, over: 4) + Ratio(3, over: 4)
        XCTAssertEqual(team, Ratio(4, over: 8))
        XCTAssertEqual(team.percentText, "50.0%")
        // 1 of 10 and 0 of 0: the empty agent adds nothing.
        XCTAssertEqual((Ratio(1, over: 10) + Ratio(0, over: 0)).percentText, "10.0%")
    }

    func testKPIValueText() {
        XCTAssertEqual(KPIValue(percent: Ratio(1, over: 3)).text, "33.3%")
        XCTAssertEqual(KPIValue(percent: Ratio(1, over: 0)).text, "—")
        XCTAssertEqual(KPIValue(3723, unit: .seconds).text, "1:02:03")
        XCTAssertEqual(KPIValue(588_000, unit: .seconds).text, "163:20:00")
        XCTAssertEqual(KPIValue(89.6, unit: .seconds).text, "0:01:30")
        XCTAssertEqual(KPIValue(42, unit: .count).text, "42")
        XCTAssertEqual(KPIValue(3.5, unit: .count).text, "3.5")
        XCTAssertEqual(KPIValue(9780.49, unit: .yuan).text, "9780.49")
        XCTAssertEqual(KPIValue(7.25, unit: .hours).text, "7.2") // 7.25 is exact in binary: ties to even
        XCTAssertEqual(KPIValue(-0.01, unit: .number).text, "0.0")
        XCTAssertEqual(KPIValue(nil, unit: .average).text, "—")
        XCTAssertEqual(KPIValue(.nan, unit: .percent).text, "—")
        XCTAssertEqual(KPIValue(.infinity, unit: .number).value, nil)
    }
}
