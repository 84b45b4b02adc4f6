import Foundation
import XCTest
import WaihuDomain
@testable import WaihuDialer

/// The abandon cap counts the center's days: its campaign's time zone, not UTC.
final class AgentCampaignSettingsTests: XCTestCase {
    private func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    func testCallsEitherSideOfShanghaiMidnightCountAgainstDifferentDaysOnTheSameUTCDay() {
        let settings = AgentCampaignSettings(callerID: "10086", clock: LocalClock(timeZone: TimeZone(identifier: "Asia/Shanghai")!))
        let lateEvening = instant("2026-03-02T23:30:00+08:00")
        let earlyMorning = instant("2026-03-03T00:30:00+08:00")
        XCTAssertEqual(Int(lateEvening.timeIntervalSince1970 / 86_400), Int(earlyMorning.timeIntervalSince1970 / 86_400),
                       "both fall on 2026-03-02 in UTC (15:30 and 16:30)")
        XCTAssertEqual(settings.abandonCapDay(of: earlyMorning), settings.abandonCapDay(of: lateEvening) + 1)
        XCTAssertEqual(settings.abandonCapDay(of: lateEvening), CalendarDay("2026-03-02")!.daysSince1970)

        // An abandon at 23:30 uses up that day's allowance, not the next morning's.
        var controller = AbandonCapController()
        controller.recordLiveAnswer(day: settings.abandonCapDay(of: lateEvening), abandoned: true)
        controller.recordLiveAnswer(day: settings.abandonCapDay(of: earlyMorning), abandoned: false)
        XCTAssertEqual(controller.ledger.day(settings.abandonCapDay(of: lateEvening)).abandons, 1)
        XCTAssertEqual(controller.ledger.day(settings.abandonCapDay(of: earlyMorning)).abandons, 0)
        XCTAssertEqual(controller.ledger.day(settings.abandonCapDay(of: earlyMorning)).liveAnswers, 1)
    }

    func testTheDefaultClockIsShanghai() {
        let settings = AgentCampaignSettings(callerID: "10086")
        XCTAssertEqual(settings.abandonCapDay(of: instant("2026-03-03T00:30:00+08:00")),
                       CalendarDay("2026-03-03")!.daysSince1970)
    }
}
