import Foundation
import XCTest
import WaihuDomain

final class CampaignLeadLifecycleTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let tomorrow = Date(timeIntervalSince1970: 1_800_050_000)
    let lifecycle = CampaignLeadLifecycle(retry: RetryPolicy())

    // MARK: - Dial time (from waiting)

    func testAnEligibleLeadIsClaimedForDialing() {
        XCTAssertEqual(lifecycle.atDialTime(nil, now: now, startOfTomorrow: tomorrow),
                       CampaignLeadStep(from: .waiting, to: .dialing, actions: [.dial]))
    }

    func testAClosedWindowLeavesTheLeadAlone() {
        XCTAssertNil(lifecycle.atDialTime(.outsideCallingWindow, now: now, startOfTomorrow: tomorrow))
    }

    func testRefusalsThatEndTheLeadSayWhy() {
        XCTAssertEqual(lifecycle.atDialTime(.doNotCall, now: now, startOfTomorrow: tomorrow)?.doneReason, .doNotCall)
        XCTAssertEqual(lifecycle.atDialTime(.attempts(.invalidNumber), now: now, startOfTomorrow: tomorrow)?.doneReason, .invalidNumber)
        XCTAssertEqual(lifecycle.atDialTime(.attempts(.exhausted), now: now, startOfTomorrow: tomorrow)?.doneReason, .attemptLimitReached)
        for refusal in [DialRefusal.doNotCall, .attempts(.invalidNumber), .attempts(.exhausted)] {
            let step = lifecycle.atDialTime(refusal, now: now, startOfTomorrow: tomorrow)
            XCTAssertEqual(step?.from, .waiting)
            XCTAssertEqual(step?.to, .done)
        }
    }

    func testRefusalsThatPutTheLeadOff() {
        let retryAt = now.addingTimeInterval(123)
        XCTAssertEqual(lifecycle.atDialTime(.attempts(.notBefore(retryAt)), now: now, startOfTomorrow: tomorrow),
                       CampaignLeadStep(from: .waiting, to: .waiting, actions: [.putOff(until: retryAt)]))
        XCTAssertEqual(lifecycle.atDialTime(.attempts(.dailyLimitReached), now: now, startOfTomorrow: tomorrow)?.nextDialAt, tomorrow)
        XCTAssertEqual(lifecycle.atDialTime(.renewalTooFarAway(daysBefore: 30), now: now, startOfTomorrow: tomorrow)?.nextDialAt,
                       now.addingTimeInterval(86_400))
    }

    // MARK: - After the call (from dialing)

    func testVacantNumbersCleanTheList() {
        let step = lifecycle.afterCall(.invalid, mode: .predictive, connectedToAgent: false, at: now)
        XCTAssertEqual(step, CampaignLeadStep(from: .dialing, to: .done, actions: [.closeCallback, .settle(.invalidNumber), .setLeadStatus(.invalid)]))
        XCTAssertEqual(step.leadStatus, .invalid)
    }

    func testBroadcastAnswerIsDone() {
        let step = lifecycle.afterCall(.answered, mode: .broadcast, connectedToAgent: false, at: now)
        XCTAssertEqual(step.to, .done)
        XCTAssertEqual(step.doneReason, .settled)
        XCTAssertEqual(step.leadStatus, .contacted)
    }

    func testAgentCallWaitsForTheDisposition() {
        XCTAssertEqual(lifecycle.afterCall(.answered, mode: .progressive, connectedToAgent: true, at: now),
                       CampaignLeadStep(from: .dialing, to: .wrapUp, actions: [.closeCallback, .awaitDisposition, .setLeadStatus(.contacted)]))
    }

    func testRetryDelays() {
        func next(_ outcome: CallOutcome, _ mode: DialMode = .predictive) -> CampaignLeadStep {
            lifecycle.afterCall(outcome, mode: mode, connectedToAgent: false, at: now)
        }
        XCTAssertEqual(next(.busy), CampaignLeadStep(from: .dialing, to: .waiting, actions: [.closeCallback, .scheduleRetry(at: now.addingTimeInterval(600))]))
        XCTAssertEqual(next(.rejected).nextDialAt, now.addingTimeInterval(600))
        XCTAssertEqual(next(.noAnswer, .broadcast).nextDialAt, now.addingTimeInterval(7200))
        XCTAssertEqual(next(.failed).nextDialAt, now.addingTimeInterval(300))
        // An abandoned customer was reached: contacted, and called back after the busy delay.
        XCTAssertEqual(next(.abandoned), CampaignLeadStep(from: .dialing, to: .waiting, actions: [
            .closeCallback, .scheduleRetry(at: now.addingTimeInterval(600)), .setLeadStatus(.contacted)]))
        // An agent campaign's answered call that reached nobody counts as abandoned.
        XCTAssertEqual(next(.answered).nextDialAt, now.addingTimeInterval(600))
        XCTAssertNil(next(.busy).leadStatus)
    }

    func testACrashCountsAFailedAttemptAndWaitsTheNetworkDelay() {
        XCTAssertEqual(lifecycle.afterCrash(at: now), CampaignLeadStep(from: .dialing, to: .waiting, actions: [
            .recordFailedAttempt, .scheduleRetry(at: now.addingTimeInterval(300))]))
    }

    func testASkippedPreviewGivesTheAttemptBack() {
        XCTAssertEqual(lifecycle.afterPreviewSkipped(), CampaignLeadStep(from: .dialing, to: .waiting, actions: [.giveBackAttempt]))
    }

    // MARK: - After the disposition (from wrap_up)

    func testDispositions() {
        let success = CampaignDisposition(code: "s", label: "成功", category: .success)
        let callback = CampaignDisposition(code: "c", label: "回拨", category: .callback)
        let undecided = CampaignDisposition(code: "u", label: "犹豫", category: .undecided)
        XCTAssertEqual(lifecycle.afterDisposition(success, callbackAt: nil, at: now),
                       CampaignLeadStep(from: .wrapUp, to: .done, actions: [.settle(.settled), .setLeadStatus(.success)]))
        let at = now.addingTimeInterval(86_400)
        XCTAssertEqual(lifecycle.afterDisposition(callback, callbackAt: at, personalAgent: "zhangsan", at: now),
                       CampaignLeadStep(from: .wrapUp, to: .waiting, actions: [
                        .scheduleCallback(at: at, agent: "zhangsan"), .setLeadStatus(.contacted)]))
        // A callback time already passed is dialed at once, never in the past.
        XCTAssertEqual(lifecycle.afterDisposition(callback, callbackAt: now.addingTimeInterval(-30), at: now).nextDialAt, now)
        XCTAssertEqual(lifecycle.afterDisposition(undecided, callbackAt: nil, at: now),
                       CampaignLeadStep(from: .wrapUp, to: .waiting, actions: [
                        .scheduleRetry(at: now.addingTimeInterval(7200)), .setLeadStatus(.contacted)]))
    }

    func testADispositionWaitsForTheCallToEnd() {
        XCTAssertThrowsError(try lifecycle.dispositionMovesLead(in: .dialing)) {
            XCTAssertEqual($0 as? CampaignLeadLifecycleError, .callStillUp)
        }
        XCTAssertEqual(try lifecycle.dispositionMovesLead(in: .wrapUp), true)
        XCTAssertEqual(try lifecycle.dispositionMovesLead(in: .done), false)
        XCTAssertEqual(try lifecycle.dispositionMovesLead(in: .waiting), false)
    }

    /// Every step starts where the previous one can leave the lead: a walk through the
    /// whole life of a renewal lead.
    func testAWholeLifeChains() {
        var state = CampaignLeadState.waiting
        func apply(_ step: CampaignLeadStep?) {
            guard let step else { return XCTFail("no step") }
            XCTAssertEqual(step.from, state)
            state = step.to
        }
        apply(lifecycle.atDialTime(nil, now: now, startOfTomorrow: tomorrow))
        apply(lifecycle.afterCall(.busy, mode: .progressive, connectedToAgent: false, at: now))
        apply(lifecycle.atDialTime(nil, now: now, startOfTomorrow: tomorrow))
        apply(lifecycle.afterCall(.answered, mode: .progressive, connectedToAgent: true, at: now))
        apply(lifecycle.afterDisposition(CampaignDisposition(code: "c", label: "回拨", category: .callback),
                                         callbackAt: now.addingTimeInterval(3600), at: now))
        apply(lifecycle.atDialTime(nil, now: now, startOfTomorrow: tomorrow))
        apply(lifecycle.afterCall(.answered, mode: .progressive, connectedToAgent: true, at: now))
        apply(lifecycle.afterDisposition(CampaignDisposition(code: "s", label: "成功", category: .success), callbackAt: nil, at: now))
        XCTAssertEqual(state, .done)
    }
}
