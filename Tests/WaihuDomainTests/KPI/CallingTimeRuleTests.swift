import XCTest
@testable import WaihuDomain

final class CallingTimeRuleTests: XCTestCase {
    func testReadyOnCallAndWrapUpAreCallingPausesAreNot() {
        XCTAssertEqual(CallingTimeRule.callingStates, [.ready, .onCall, .wrapUp])
        XCTAssertFalse(CallingTimeRule.isCalling(.notReady), "breaks and meals are not calling")
        XCTAssertFalse(CallingTimeRule.isCalling(.internalCall))
        XCTAssertFalse(CallingTimeRule.isCalling(.helpRequest))
    }
}
