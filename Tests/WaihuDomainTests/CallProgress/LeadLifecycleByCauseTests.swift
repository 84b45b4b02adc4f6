import XCTest
@testable import WaihuDomain

/// The lead's moves by a call's cause (the issue's plan rules and their defaults).
final class LeadLifecycleByCauseTests: XCTestCase {
    let lifecycle = CampaignLeadLifecycle()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func verdict(_ cause: CallCause, _ outcome: CallOutcome? = nil) -> CallProgressVerdict {
        CallProgressVerdict(outcome: outcome ?? cause.outcome ?? .noAnswer, cause: cause, evidence: [])
    }

    func testVacantSuspendedAndChangedNumbersAreInvalidEverywhere() {
        for cause in [CallCause.vacant, .suspended, .numberChanged] {
            let step = lifecycle.afterCall(verdict(cause), mode: .predictive, connectedToAgent: false, at: now)
            XCTAssertEqual(step.to, .done)
            XCTAssertEqual(step.doneReason, .invalidNumber)
            XCTAssertEqual(step.leadStatus, .invalid, cause.rawValue)
        }
    }

    func testBarredEndsTheLeadInThisCampaignOnly() {
        let step = lifecycle.afterCall(verdict(.barred), mode: .progressive, connectedToAgent: false, at: now)
        XCTAssertEqual(step.doneReason, .invalidNumber)
        XCTAssertNil(step.leadStatus)
    }

    func testASwitchedOffPhoneIsTriedThreeTimesInThreeDaysThenInvalid() {
        var streak = UnreachableStreak.none
        var time = now
        for attempt in 1...3 {
            let step = lifecycle.afterCall(verdict(.poweredOff), mode: .progressive, connectedToAgent: false, at: time, unreachable: streak)
            guard case .noteUnreachable(let next)? = step.actions.first(where: { if case .noteUnreachable = $0 { return true } else { return false } }) else {
                return XCTFail("no streak noted")
            }
            XCTAssertEqual(next.count, attempt)
            if attempt < 3 {
                XCTAssertEqual(step.to, .waiting)
                XCTAssertEqual(step.nextDialAt, time.addingTimeInterval(2 * 3600))
            } else {
                XCTAssertEqual(step.to, .done)
                XCTAssertEqual(step.leadStatus, .invalid)
            }
            streak = next
            time = time.addingTimeInterval(20 * 3600)
        }
        // Outside the window a new streak begins.
        let old = UnreachableStreak(count: 2, since: now.addingTimeInterval(-4 * 86_400))
        let step = lifecycle.afterCall(verdict(.unreachable), mode: .progressive, connectedToAgent: false, at: now, unreachable: old)
        XCTAssertEqual(step.to, .waiting)
        XCTAssertTrue(step.actions.contains(.noteUnreachable(UnreachableStreak(count: 1, since: now))))
    }

    func testBusyIsRetriedSoonAndAMailboxLikeNoAnswer() {
        let busy = lifecycle.afterCall(verdict(.busy), mode: .predictive, connectedToAgent: false, at: now)
        XCTAssertEqual(busy.nextDialAt, now.addingTimeInterval(lifecycle.retry.busy))
        let mailbox = lifecycle.afterCall(verdict(.secretary), mode: .predictive, connectedToAgent: false, at: now)
        XCTAssertEqual(mailbox.to, .waiting)
        XCTAssertEqual(mailbox.nextDialAt, now.addingTimeInterval(lifecycle.retry.noAnswer))
        XCTAssertNil(mailbox.leadStatus, "a mailbox is not a contact")
    }

    func testACleansingCallSettlesEveryLiveNumber() {
        for cause in [CallCause.alerting, .busy, .human, .secretary] {
            let step = lifecycle.afterCall(verdict(cause), mode: .cleanse, connectedToAgent: false, at: now)
            XCTAssertEqual(step.to, .done, cause.rawValue)
            XCTAssertEqual(step.doneReason, .settled)
            XCTAssertNil(step.leadStatus)
        }
        XCTAssertEqual(lifecycle.afterCall(verdict(.vacant), mode: .cleanse, connectedToAgent: false, at: now).leadStatus, .invalid)
        // A plain no-answer without alerting is tried again.
        XCTAssertEqual(lifecycle.afterCall(verdict(.noAnswer), mode: .cleanse, connectedToAgent: false, at: now).to, .waiting)
    }

    func testRetryKeysInThePlanJSON() throws {
        let policy = try JSONDecoder().decode(RetryPolicy.self, from: Data(#"{"unreachable":3600,"unreachable_attempts":2}"#.utf8))
        XCTAssertEqual(policy.unreachable, 3600)
        XCTAssertEqual(policy.unreachableAttempts, 2)
        XCTAssertEqual(policy.unreachableDays, 3)
        XCTAssertThrowsError(try JSONDecoder().decode(RetryPolicy.self, from: Data(#"{"unreachable_days":0}"#.utf8)))
    }
}
