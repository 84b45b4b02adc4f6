import XCTest
@testable import WaihuDomain

final class LeadShortageTests: XCTestCase {
    func testTallyNamesTheReasonsMostLeadsFirst() {
        var shortage = LeadShortage()
        let refusals: [DialRefusal?] = [
            .attempts(.dailyLimitReached),
            .doNotCall,
            .attempts(.exhausted), .attempts(.exhausted),
            .outsideCallingWindow, .outsideCallingWindow, .outsideCallingWindow,
            .attempts(.invalidNumber),
            .renewalTooFarAway(daysBefore: 40),
        ]
        refusals.forEach { shortage.count($0) }
        XCTAssertTrue(shortage.isShort)
        XCTAssertEqual(shortage.reasons.map(\.reason), [
            .outsideCallingWindow, .attemptLimitReached, .dailyLimitReached, .renewalTooFarAway, .doNotCall, .invalidNumber,
        ])
        XCTAssertEqual(shortage.reasons.map(\.leads), [3, 2, 1, 1, 1, 1])
        XCTAssertEqual(shortage.reasons.first?.reason.chinese, "不在呼叫时段")
    }

    func testOneDialableLeadMeansNoShortage() {
        var shortage = LeadShortage()
        shortage.count(nil)
        shortage.count(.doNotCall)
        XCTAssertFalse(shortage.isShort)
        XCTAssertEqual(shortage.dialable, 1)
        XCTAssertEqual(shortage.heldBack, [.doNotCall: 1])
    }
}
