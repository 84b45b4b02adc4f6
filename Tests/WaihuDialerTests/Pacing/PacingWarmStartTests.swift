import XCTest
import WaihuDomain
@testable import WaihuDialer

/// Issue 18: a predictive campaign starts from what earlier campaigns on its lists and its team
/// showed (`PacingHistory`), and a restart remembers the day's abandons.
final class PacingWarmStartTests: XCTestCase {
    /// 400 dials of which 100 live after 3–7 s, the rest failing after 0.2 s (busy) or 20 s
    /// (no answer); talks of 30–50 s and wrap-ups of 4–8 s, as a run on the same lists would leave.
    private func history(hour: Int = 10) -> PacingHistory {
        var history = PacingHistory()
        for i in 0..<400 {
            if i % 4 == 0 {
                history.record(.liveAnswer(seconds: 3 + Double(i % 5), abandoned: false), hour: hour, day: 1)
                history.record(.talkEnded(seconds: 30 + Double(i % 21)), hour: hour, day: 1)
                history.record(.wrapUpEnded(seconds: 4 + Double(i % 5)), hour: hour, day: 1)
            } else {
                history.record(.dialFailed(outcome: i % 3 == 0 ? .busy : .noAnswer, seconds: i % 3 == 0 ? 0.2 : 20), hour: hour, day: 1)
            }
        }
        return history
    }

    private func readyFloor(_ n: Int) -> CampaignPacingState {
        CampaignPacingState(agents: Array(repeating: PacingAgent(.ready, secondsInState: 0), count: n), ringingCallAges: [], day: 5)
    }

    func testTooLittleHistoryGivesTheDefaults() {
        var thin = PacingHistory()
        for _ in 0..<30 { thin.record(.liveAnswer(seconds: 4, abandoned: false), hour: 9, day: 1) }
        XCTAssertFalse(thin.isEnough)
        XCTAssertNil(thin.answerProbability(hour: 9))
        XCTAssertEqual(thin.priors(hour: 9), PacingPriors())
        XCTAssertFalse(thin.priors(hour: 9).fromHistory)
    }

    func testAnswerRateOfTheHourWhenItHasEnoughDialsElseOfTheDay() {
        var history = history(hour: 10)  // 400 dials at 25 % in hour 10
        for i in 0..<60 {  // 60 dials at 50 % in hour 15: too few for the hour's own rate
            history.record(i % 2 == 0 ? .liveAnswer(seconds: 4, abandoned: false) : .dialFailed(outcome: .noAnswer, seconds: 20),
                           hour: 15, day: 1)
        }
        XCTAssertEqual(history.answerProbability(hour: 10) ?? 0, 0.25, accuracy: 1e-9)
        XCTAssertEqual(history.answerProbability(hour: 15) ?? 0, 130.0 / 460, accuracy: 1e-9)
        XCTAssertEqual(history.answerProbability(hour: 3) ?? 0, 130.0 / 460, accuracy: 1e-9)
        let priors = history.priors(hour: 10)
        XCTAssertTrue(priors.fromHistory)
        XCTAssertEqual(priors.observed?.talks.count, 100)
        XCTAssertEqual(priors.observed?.dials, 460)
    }

    func testEstimatorStartsFromTheObservedDurations() {
        let estimator = PacingEstimator(priors: history().priors(hour: 10))
        // Talks of 30–50 s, not the default 180 s; wrap-ups of 4–8 s, not 20 s.
        XCTAssertEqual(estimator.talk.mean, 40, accuracy: 3)
        XCTAssertEqual(estimator.wrapUp.mean, 6.5, accuracy: 1)
        XCTAssertEqual(estimator.answerProbability, 0.25, accuracy: 1e-9)
        let cold = PacingEstimator()
        XCTAssertGreaterThan(cold.talk.mean, 150)
    }

    func testHistogramPriorFromSamples() {
        var histogram = DecayingHistogram(binWidth: 1, bins: 10, decay: 0.999)
        histogram.addPrior(weight: 50, samples: [1.5, 1.5, 3.5, 99])
        let cdf = histogram.cumulative()
        XCTAssertEqual(cdf[2], 0.5, accuracy: 1e-9)   // half the samples below 2 s
        XCTAssertEqual(cdf[4], 0.75, accuracy: 1e-9)
        XCTAssertEqual(cdf[10], 1, accuracy: 1e-9)    // 99 s lands in the last bin
        XCTAssertEqual(histogram.effectiveCount, 50, accuracy: 1e-9)
    }

    func testWarmPacerDialsAheadFromItsFirstDecisionAndColdStaysProgressive() {
        var cold = PredictivePacer()
        XCTAssertEqual(cold.callsToLaunch(readyFloor(20), now: 0), 20)
        XCTAssertEqual(cold.status(day: 5).budgetFactor, 0)
        XCTAssertFalse(cold.status(day: 5).warmStart)

        var warm = PredictivePacer(configuration: PredictivePacerConfiguration(priors: history().priors(hour: 10)))
        let launched = warm.callsToLaunch(readyFloor(20), now: 0)
        // 20 ready agents at a 25 % answer rate: several calls each, within the 8-per-agent ceiling.
        XCTAssertGreaterThan(launched, 40)
        XCTAssertLessThanOrEqual(launched, 160)
        let status = warm.status(day: 5)
        XCTAssertTrue(status.warmStart)
        XCTAssertEqual(status.budgetFactor, 1)
        // 20 agents × 300 s ÷ (40 s talk + 6.5 s wrap-up + 10 s) ≈ 106 answers expected in the opening window.
        XCTAssertEqual(warm.openingAnswers(workingAgents: 20), 106, accuracy: 8)
    }

    func testOpeningAllowanceEndsWhereTheDaysOwnAnswersTakeOver() {
        var controller = AbandonCapController()
        XCTAssertEqual(controller.budgetFactor(day: 1), 0)
        controller.openingAnswers = 100   // 3 abandons allowed before any answer of today
        XCTAssertEqual(controller.budgetFactor(day: 1), 1)
        controller.recordLiveAnswer(day: 1, abandoned: true)
        controller.recordLiveAnswer(day: 1, abandoned: true)
        // 3 − 2 = 1 left: (1 − 0.5) / 2.5
        XCTAssertEqual(controller.budgetFactor(day: 1), 0.2, accuracy: 1e-9)
        controller.recordLiveAnswer(day: 1, abandoned: true)
        XCTAssertEqual(controller.budgetFactor(day: 1), 0)
        // Past 100 answers of its own, the day's own count rules: 200 answers, 3 abandons → 3 left.
        for _ in 0..<197 { controller.recordLiveAnswer(day: 1, abandoned: false) }
        XCTAssertEqual(controller.budgetFactor(day: 1), 1)
    }

    func testRestartRemembersTheDaysAbandons() {
        // The call log says: today 200 live answers, 6 abandons (the cap's 3 %): nothing left.
        var ledger = AbandonLedger()
        ledger.restore(day: 5, liveAnswers: 200, abandons: 6)
        var restarted = PredictivePacer(configuration: PredictivePacerConfiguration(priors: history().priors(hour: 10), ledger: ledger))
        XCTAssertEqual(restarted.status(day: 5).budgetFactor, 0)
        XCTAssertEqual(restarted.callsToLaunch(readyFloor(20), now: 0), 20, "a spent day dials progressively after a restart")
        // Restoring replaces a day rather than adding to it.
        ledger.restore(day: 5, liveAnswers: 300, abandons: 1)
        XCTAssertEqual(ledger.day(5).liveAnswers, 300)
        XCTAssertEqual(ledger.day(5).abandons, 1)
    }
}
