import Foundation
import XCTest
@testable import WaihuDomain

final class CallbackRuleTests: XCTestCase {
    private let due = Date(timeIntervalSince1970: 50_000)

    func testPersonalCallbackGoesToItsAgentThenToTheTeam() {
        let rule = CallbackRule(graceWindow: 900)
        let callback = Callback(kind: .personal(agentID: "a7", teamID: "t2"), dueAt: due)
        XCTAssertEqual(rule.audience(for: callback, now: due.addingTimeInterval(-1)), .notYetDue)
        XCTAssertEqual(rule.audience(for: callback, now: due), .agent("a7"))
        XCTAssertEqual(rule.audience(for: callback, now: due.addingTimeInterval(899)), .agent("a7"))
        XCTAssertEqual(rule.audience(for: callback, now: due.addingTimeInterval(900)), .team("t2"))

        XCTAssertTrue(rule.mayOffer(callback, toAgent: "a7", ofTeam: "t2", now: due))
        XCTAssertFalse(rule.mayOffer(callback, toAgent: "a8", ofTeam: "t2", now: due))
        XCTAssertTrue(rule.mayOffer(callback, toAgent: "a8", ofTeam: "t2", now: due.addingTimeInterval(901)))
        XCTAssertFalse(rule.mayOffer(callback, toAgent: "a9", ofTeam: "t3", now: due.addingTimeInterval(901)))
    }

    func testCampaignCallbackGoesToAnyoneOnceDue() {
        let callback = Callback(kind: .campaign, dueAt: due)
        XCTAssertFalse(CallbackRule().mayOffer(callback, toAgent: "a1", ofTeam: "t1", now: due.addingTimeInterval(-60)))
        XCTAssertTrue(CallbackRule().mayOffer(callback, toAgent: "a1", ofTeam: "t1", now: due))
    }
}
