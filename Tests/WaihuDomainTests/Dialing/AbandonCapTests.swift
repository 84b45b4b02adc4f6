import XCTest
@testable import WaihuDomain

final class AbandonCapTests: XCTestCase {
    func testDefaultsAndRange() throws {
        XCTAssertEqual(AbandonCap.standard.rate, 0.03)
        XCTAssertEqual(AbandonCap.standard.connectGrace, 2)
        XCTAssertNoThrow(try AbandonCap(rate: 0))
        XCTAssertNoThrow(try AbandonCap(rate: 0.05))
        XCTAssertThrowsError(try AbandonCap(rate: 0.051)) { XCTAssertEqual($0 as? AbandonCapError, .rateOutOfRange(0.051)) }
        XCTAssertThrowsError(try AbandonCap(rate: -0.01))
        XCTAssertThrowsError(try AbandonCap(connectGrace: -1))
    }

    func testAbandonIsAWaitBeyondTheGrace() {
        XCTAssertFalse(AbandonCap.standard.isAbandon(secondsWaiting: 2))
        XCTAssertTrue(AbandonCap.standard.isAbandon(secondsWaiting: 2.01))
    }

    func testLedgerPerDayAndThirtyDays() {
        var ledger = AbandonLedger()
        for i in 0..<100 { ledger.recordLiveAnswer(day: 10, abandoned: i < 3) }
        for i in 0..<100 { ledger.recordLiveAnswer(day: 11, abandoned: i < 1) }
        ledger.recordMachineDetection(day: 11, falsePositiveProbability: 0.5)
        XCTAssertEqual(ledger.day(10).rate, 0.03, accuracy: 1e-12)
        XCTAssertEqual(ledger.day(11).abandons, 1.5, accuracy: 1e-12)
        XCTAssertEqual(ledger.window(endingOn: 11).rate, 4.5 / 200, accuracy: 1e-12)
        // Day 10 used its whole 3 % allowance; day 11 has 3 − 1.5 left.
        XCTAssertFalse(ledger.hasBudget(day: 10, cap: .standard))
        XCTAssertTrue(ledger.hasBudget(day: 11, cap: .standard))
        // Day 10 falls out of the 30-day window on day 40.
        XCTAssertEqual(ledger.window(endingOn: 40).liveAnswers, 100)
        ledger.prune(before: 41)
        XCTAssertEqual(ledger.days.count, 0)
    }
}
