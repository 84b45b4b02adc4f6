import Foundation
import XCTest
import WaihuDomain

final class CallSettlementTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let retry = RetryPolicy()

    func testVacantNumbersCleanTheList() {
        let settled = CallSettlement.afterCall(.invalid, mode: .predictive, connectedToAgent: false, retry: retry, at: now)
        XCTAssertEqual(settled, CallSettlement(state: .done, leadStatus: .invalid))
    }

    func testBroadcastAnswerIsDone() {
        XCTAssertEqual(CallSettlement.afterCall(.answered, mode: .broadcast, connectedToAgent: false, retry: retry, at: now),
                       CallSettlement(state: .done, leadStatus: .contacted))
    }

    func testAgentCallWaitsForTheDisposition() {
        XCTAssertEqual(CallSettlement.afterCall(.answered, mode: .progressive, connectedToAgent: true, retry: retry, at: now),
                       CallSettlement(state: .wrapUp, leadStatus: .contacted))
    }

    func testRetryDelays() {
        XCTAssertEqual(CallSettlement.afterCall(.busy, mode: .predictive, connectedToAgent: false, retry: retry, at: now),
                       CallSettlement(state: .waiting, nextDialAt: now.addingTimeInterval(600)))
        XCTAssertEqual(CallSettlement.afterCall(.noAnswer, mode: .broadcast, connectedToAgent: false, retry: retry, at: now),
                       CallSettlement(state: .waiting, nextDialAt: now.addingTimeInterval(7200)))
        // An abandoned customer was reached: contacted, and called back after the busy delay.
        XCTAssertEqual(CallSettlement.afterCall(.abandoned, mode: .predictive, connectedToAgent: false, retry: retry, at: now),
                       CallSettlement(state: .waiting, nextDialAt: now.addingTimeInterval(600), leadStatus: .contacted))
        XCTAssertEqual(CallSettlement.afterCall(.failed, mode: .predictive, connectedToAgent: false, retry: retry, at: now),
                       CallSettlement(state: .waiting, nextDialAt: now.addingTimeInterval(300)))
        XCTAssertEqual(CallSettlement.afterInterruptedCall(retry: retry, at: now),
                       CallSettlement(state: .waiting, nextDialAt: now.addingTimeInterval(300)))
    }

    func testDispositions() {
        let success = CampaignDisposition(code: "s", label: "成功", category: .success)
        let callback = CampaignDisposition(code: "c", label: "回拨", category: .callback)
        let undecided = CampaignDisposition(code: "u", label: "犹豫", category: .undecided)
        XCTAssertEqual(CallSettlement.afterDisposition(success, callbackAt: nil, retry: retry, at: now),
                       CallSettlement(state: .done, leadStatus: .success))
        let at = now.addingTimeInterval(86_400)
        XCTAssertEqual(CallSettlement.afterDisposition(callback, callbackAt: at, retry: retry, at: now),
                       CallSettlement(state: .waiting, nextDialAt: at, leadStatus: .contacted))
        XCTAssertEqual(CallSettlement.afterDisposition(undecided, callbackAt: nil, retry: retry, at: now),
                       CallSettlement(state: .waiting, nextDialAt: now.addingTimeInterval(7200), leadStatus: .contacted))
    }
}
