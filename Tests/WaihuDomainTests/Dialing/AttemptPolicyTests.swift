import Foundation
import XCTest
@testable import WaihuDomain

final class AttemptPolicyTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_000_000)

    func testDefaultRetryDelays() {
        let retry = RetryPolicy()
        XCTAssertEqual(retry.delay(after: .busy), 600)
        XCTAssertEqual(retry.delay(after: .noAnswer), 7200)
        XCTAssertEqual(retry.delay(after: .machine), 14_400)
        XCTAssertEqual(retry.delay(after: .failed), 300)
        // A refused call (603) and an abandoned customer wait the busy delay.
        XCTAssertEqual(retry.delay(after: .rejected), 600)
        XCTAssertEqual(retry.delay(after: .abandoned), 600)
        XCTAssertNil(retry.delay(after: .invalid))
        XCTAssertNil(retry.delay(after: .answered))
    }

    func testBusyLeadWaitsTenMinutes() {
        let policy = AttemptPolicy()
        let history = LeadDialHistory(attempts: 1, attemptsToday: 1, lastOutcome: .busy, lastAttemptAt: t0)
        XCTAssertEqual(policy.eligibility(of: history, now: t0.addingTimeInterval(599)), .notBefore(t0.addingTimeInterval(600)))
        XCTAssertEqual(policy.eligibility(of: history, now: t0.addingTimeInterval(600)), .eligible)
    }

    func testConfiguredDelayIsUsed() {
        let policy = AttemptPolicy(retry: RetryPolicy(noAnswer: 1800))
        let history = LeadDialHistory(attempts: 1, attemptsToday: 1, lastOutcome: .noAnswer, lastAttemptAt: t0)
        XCTAssertEqual(policy.eligibility(of: history, now: t0.addingTimeInterval(1800)), .eligible)
        XCTAssertEqual(policy.eligibility(of: history, now: t0.addingTimeInterval(1799)), .notBefore(t0.addingTimeInterval(1800)))
    }

    func testVacantNumbersAreNeverRetriedAndCountAsInvalid() {
        let history = LeadDialHistory(attempts: 1, attemptsToday: 1, lastOutcome: .invalid, lastAttemptAt: t0)
        XCTAssertEqual(AttemptPolicy().eligibility(of: history, now: t0.addingTimeInterval(86_400 * 30)), .invalidNumber)
        XCTAssertEqual(AttemptPolicy().eligibility(of: LeadDialHistory(attempts: 1, attemptsToday: 1, lastOutcome: .busy, lastAttemptAt: t0),
                                                   now: t0.addingTimeInterval(86_400)), .eligible)
    }

    func testLimitsPerLeadAndPerDay() {
        let policy = AttemptPolicy(maxAttemptsPerLead: 5, maxAttemptsPerDay: 2)
        let today = LeadDialHistory(attempts: 2, attemptsToday: 2, lastOutcome: .noAnswer, lastAttemptAt: t0)
        XCTAssertEqual(policy.eligibility(of: today, now: t0.addingTimeInterval(86_400)), .dailyLimitReached)
        let closed = LeadDialHistory(attempts: 5, attemptsToday: 0, lastOutcome: .noAnswer, lastAttemptAt: t0)
        XCTAssertEqual(policy.eligibility(of: closed, now: t0.addingTimeInterval(86_400)), .exhausted)
        XCTAssertEqual(policy.eligibility(of: .neverDialled, now: t0), .eligible)
    }
}
