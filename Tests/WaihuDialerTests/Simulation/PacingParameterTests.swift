import XCTest
@testable import WaihuDialer

final class PacingParameterTests: XCTestCase {
    private func error(_ change: (inout PacingSimulationParameters) -> Void) -> PacingParameterError? {
        var p = PacingSimulationParameters()
        change(&p)
        do { _ = try PacingSimulator.run(p); return nil } catch { return error as? PacingParameterError }
    }

    func testImpossibleParametersAreRejectedWithAMessage() {
        XCTAssertEqual(error { $0.agents = -3 }, .agentsOutOfRange(-3))
        XCTAssertEqual(error { $0.answerProbability = 1.2 }, .probabilityOutOfRange(name: "answer probability", value: 1.2))
        XCTAssertEqual(error { $0.cap = 1.5 }, .capOutOfRange(1.5))
        XCTAssertEqual(error { $0.cap = 0.08 }, .capAboveLegalLimit(0.08))
        XCTAssertEqual(error { $0.hours = 0 }, .hoursOutOfRange(0))
        XCTAssertEqual(error { $0.talkMean = -1 }, .durationNotPositive(name: "talk time mean", value: -1))
        XCTAssertEqual(error { $0.mode = .broadcast }, .unsupportedMode("broadcast"))
        XCTAssertEqual(error { $0.answerProbability = .nan }?.description.contains("between 0 and 1"), true)
        XCTAssertTrue(PacingParameterError.capOutOfRange(1.5).description.contains("0–100 %"))
        XCTAssertThrowsError(try PacingBenchmark.run(shifts: 0))
    }

    func testOutcomeSharesScaleWithTheAnswerRate() {
        var p = PacingSimulationParameters()
        p.answerProbability = 0.4
        let s = p.outcomeShares
        XCTAssertEqual(s.live + s.machine + s.busy + s.invalid + s.noAnswer, 1, accuracy: 1e-12)
        // 60 % left, split 10:10:20:35 as in the 25 % reference.
        XCTAssertEqual(s.noAnswer, 0.6 * 35 / 75, accuracy: 1e-12)
        XCTAssertEqual(s.machine, 0.08, accuracy: 1e-12)
    }
}
