import Foundation
import XCTest
@testable import WaihuDomain

final class LeadOrderingTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 10_000)

    func testDueCallbacksFirstThenRenewalDateAttemptsAndSource() {
        let leads = [
            LeadCandidate(id: "late-renewal", listID: "L", renewalDate: CalendarDay(year: 2026, month: 5, day: 1)!),
            LeadCandidate(id: "no-renewal", listID: "L"),
            LeadCandidate(id: "soon-2-attempts", listID: "L", renewalDate: CalendarDay(year: 2026, month: 4, day: 1)!, attempts: 2),
            LeadCandidate(id: "soon-1-attempt-src2", listID: "L", renewalDate: CalendarDay(year: 2026, month: 4, day: 1)!, attempts: 1, sourcePriority: 2),
            LeadCandidate(id: "soon-1-attempt-src1", listID: "L", renewalDate: CalendarDay(year: 2026, month: 4, day: 1)!, attempts: 1, sourcePriority: 1),
            LeadCandidate(id: "callback-later", listID: "L", callbackDueAt: now.addingTimeInterval(60)),
            LeadCandidate(id: "callback-due-2", listID: "L", callbackDueAt: now),
            LeadCandidate(id: "callback-due-1", listID: "L", callbackDueAt: now.addingTimeInterval(-60)),
        ]
        let ids = LeadOrdering().ordered(leads, now: now).map(\.id)
        XCTAssertEqual(ids, [
            "callback-due-1", "callback-due-2",
            "soon-1-attempt-src1", "soon-1-attempt-src2", "soon-2-attempts",
            "late-renewal", "callback-later", "no-renewal",
        ])
    }

    func testFewestAttemptsRuleAlone() {
        let leads = [
            LeadCandidate(id: "b", listID: "L", attempts: 3),
            LeadCandidate(id: "a", listID: "L", attempts: 3),
            LeadCandidate(id: "c", listID: "L", attempts: 0),
        ]
        XCTAssertEqual(LeadOrdering(keys: [.fewestAttempts]).ordered(leads, now: now).map(\.id), ["c", "a", "b"])
    }

    /// The campaign form lists the keys as the vocabulary serves them (allCases) and sends that
    /// order untouched, so the declaration order must be the plan's default.
    func testKeysAreDeclaredInTheDefaultOrder() {
        XCTAssertEqual(LeadPriorityKey.allCases, LeadOrdering().keys)
    }
}
