import XCTest
import WaihuDomain
@testable import WaihuDialer

final class AbandonCapControllerTests: XCTestCase {
    func testThresholdBalancesAtTheTargetRate() {
        var controller = AbandonCapController(cap: .standard, targetFraction: 1, initialThreshold: 0.1, gain: 0.5)
        // Exactly 3 abandons per 100 answers is the target: the threshold returns to where it started.
        for i in 0..<100 { controller.recordLiveAnswer(day: 0, abandoned: i % 34 == 0) }
        XCTAssertEqual(controller.threshold, 0.1, accuracy: 1e-9)
    }

    func testCleanAnswersRaiseItAndBudgetGuardTapers() {
        var controller = AbandonCapController(initialThreshold: 0.1)
        for _ in 0..<200 { controller.recordLiveAnswer(day: 3, abandoned: false) }
        XCTAssertGreaterThan(controller.threshold, 0.1)
        // 200 answers allow 6 abandons: plenty of room, no taper.
        XCTAssertEqual(controller.effectiveThreshold(day: 3), controller.threshold)
        // 5 abandons in 205 answers: 6.15 allowed, 1.15 left: tapered to (1.15 − 0.5) / 2.5 of it.
        for _ in 0..<5 { controller.recordLiveAnswer(day: 3, abandoned: true) }
        XCTAssertEqual(controller.effectiveThreshold(day: 3), controller.threshold * (0.03 * 205 - 5 - 0.5) / 2.5, accuracy: 1e-12)
        // One more: 0.18 left, under half an abandon: progressive.
        controller.recordLiveAnswer(day: 3, abandoned: true)
        XCTAssertEqual(controller.effectiveThreshold(day: 3), 0)
        // A new day starts with its own budget.
        XCTAssertEqual(controller.ledger.day(4).liveAnswers, 0)
    }

    func testMachineFalsePositivesCountAsAbandons() {
        var controller = AbandonCapController()
        controller.recordMachineDetection(day: 0, falsePositiveProbability: 0.1)
        XCTAssertEqual(controller.ledger.day(0).abandons, 0.1, accuracy: 1e-12)
        XCTAssertLessThan(controller.threshold, 0.08)
    }
}
