import Foundation
import XCTest
@testable import WaihuDomain

/// A plan stored when a holiday was `{"year":…,"month":…,"day":…}` is rewritten by the
/// migration to `"2026-10-01"` and then reads with its holidays.
final class CampaignPlanLegacyHolidaysTests: XCTestCase {
    func testHolidaysStoredAsObjectsAreRewrittenToDays() throws {
        let stored = #"""
        {"mode":"predictive","gate":{"window":{"opens_at_minute":480,"closes_at_minute":1260,
         "holidays":[{"year":2026,"month":10,"day":1},{"year":2027,"month":2,"day":6}]}},
         "dispositions":[{"code":"ok","label":"成功","category":"success"}]}
        """#
        XCTAssertThrowsError(try JSONDecoder().decode(CampaignPlan.self, from: Data(stored.utf8)))
        let rewritten = try XCTUnwrap(try CampaignPlanLegacyHolidays.rewritten(Data(stored.utf8)))
        let plan = try JSONDecoder().decode(CampaignPlan.self, from: rewritten)
        XCTAssertEqual(plan.gate.window.holidays, [CalendarDay(year: 2026, month: 10, day: 1)!, CalendarDay(year: 2027, month: 2, day: 6)!])
        XCTAssertEqual(plan.gate.window.opensAtMinute, 480)
        XCTAssertEqual(plan.mode, .predictive)
        // Written once: a plan with days already, or with no holidays, is left alone.
        XCTAssertNil(try CampaignPlanLegacyHolidays.rewritten(rewritten))
        XCTAssertNil(try CampaignPlanLegacyHolidays.rewritten(Data(#"{"mode":"predictive"}"#.utf8)))
    }

    func testAHolidayThatIsNotADayIsRefused() {
        let stored = #"{"gate":{"window":{"holidays":[{"year":2026,"month":2,"day":30}]}}}"#
        XCTAssertThrowsError(try CampaignPlanLegacyHolidays.rewritten(Data(stored.utf8)))
    }
}
