import XCTest
import WaihuDomain
@testable import WaihuDialer

final class PacingEstimatorTests: XCTestCase {
    func testAnswerProbabilityLearnsAndFollowsDrift() {
        var estimator = PacingEstimator(priors: PacingPriors(answerProbability: 0.25), memory: 500)
        for i in 0..<3000 {
            estimator.observe(i % 5 == 0 ? .liveAnswer(seconds: 6, abandoned: false) : .dialFailed(outcome: .busy, seconds: 5))
        }
        XCTAssertEqual(estimator.answerProbability, 0.2, accuracy: 0.01)
        for i in 0..<3000 {
            estimator.observe(i % 2 == 0 ? .liveAnswer(seconds: 6, abandoned: false) : .dialFailed(outcome: .busy, seconds: 5))
        }
        XCTAssertEqual(estimator.answerProbability, 0.5, accuracy: 0.02)
    }

    func testFewSamplesLeanOnThePrior() {
        var estimator = PacingEstimator(priors: PacingPriors(answerProbability: 0.25, weight: 20))
        estimator.observe(.liveAnswer(seconds: 6, abandoned: false))
        // Prior worth 80 dials at 25 %, plus one live answer: (20 + 1) / 81.
        XCTAssertEqual(estimator.answerProbability, 21.0 / 81.0, accuracy: 1e-3)
    }

    func testHistogramCumulative() {
        var h = DecayingHistogram(binWidth: 1, bins: 4, decay: 1)
        h.add(0.5)
        h.add(2.5)
        h.add(99) // beyond the range: counted in the last bin
        h.add(2.2)
        XCTAssertEqual(h.cumulative(), [0, 0.25, 0.25, 0.75, 1])
        XCTAssertEqual(h.effectiveCount, 4, accuracy: 1e-12)
    }

    func testHistogramForgetsOldSamples() {
        var h = DecayingHistogram(binWidth: 1, bins: 2, decay: 0.5)
        h.add(0.5)
        h.add(1.5)
        // The second sample weighs twice the first.
        XCTAssertEqual(h.cumulative()[1], 1.0 / 3.0, accuracy: 1e-12)
    }

    func testModelConditionalProbabilities() {
        let model = PacingModel(estimator: PacingEstimator(), grace: 2, quantiles: [0.5])
        // The prior connect delay is lognormal with mean 8 s: its median is below the mean.
        XCTAssertEqual(model.horizons[0], 8 / (1.25).squareRoot(), accuracy: 0.3)
        // A call that has rung 40 s without answering almost never answers live.
        XCTAssertLessThan(model.liveProbability(callAge: 40, within: 10), 0.02)
        XCTAssertGreaterThan(model.liveProbability(callAge: 2, within: 10), 0.1)
        XCTAssertEqual(model.readyProbability(PacingAgent(.ready, secondsInState: 1), horizon: 0), 1)
        XCTAssertEqual(model.readyProbability(PacingAgent(.notReady, secondsInState: 1), horizon: 0), 0)
        let early = model.readyProbability(PacingAgent(.wrapUp, secondsInState: 1), horizon: 0)
        let late = model.readyProbability(PacingAgent(.wrapUp, secondsInState: 30), horizon: 0)
        XCTAssertLessThan(early, late)
    }
}
