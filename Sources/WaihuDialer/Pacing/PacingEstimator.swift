/// Learns, per campaign and online, the figures a predictive pacer needs: the answer probability,
/// how long dials take to answer or fail, talk time and wrap-up time.
///
/// Distributions are kept as decaying histograms rather than fitted shapes because real dial
/// outcomes are a mixture (busy after 5 s, ring timeout at 20 s…) that no single shape matches.
public struct PacingEstimator: Sendable, Equatable {
    public private(set) var answer: DecayingRate
    public private(set) var liveDelay: DecayingHistogram
    public private(set) var failedDial: DecayingHistogram
    public private(set) var talk: DecayingHistogram
    public private(set) var wrapUp: DecayingHistogram
    public private(set) var observations = 0

    /// `memory` is roughly how many recent samples count (per quantity); older ones fade.
    public init(priors: PacingPriors = PacingPriors(), memory: Double = 1500) {
        let decay = 1 - 1 / memory
        let answerWeight = priors.observed.map { Double(min($0.dials, Self.maxObservedWeight.dials)) } ?? priors.weight * 4
        answer = DecayingRate(prior: priors.answerProbability, priorWeight: answerWeight, decay: decay)
        liveDelay = DecayingHistogram(binWidth: 0.5, bins: 160, decay: decay)
        failedDial = DecayingHistogram(binWidth: 0.5, bins: 160, decay: decay)
        talk = DecayingHistogram(binWidth: 5, bins: 800, decay: 1 - 1 / (memory / 3))
        wrapUp = DecayingHistogram(binWidth: 1, bins: 400, decay: 1 - 1 / (memory / 3))
        Self.seed(&liveDelay, priors.observed?.liveDelays, cap: Self.maxObservedWeight.delays, weight: priors.weight,
                  mean: priors.liveDelayMean, sd: priors.liveDelaySD)
        Self.seed(&failedDial, priors.observed?.failedDials, cap: Self.maxObservedWeight.delays, weight: priors.weight,
                  mean: priors.failedDialMean, sd: priors.failedDialSD)
        Self.seed(&talk, priors.observed?.talks, cap: Self.maxObservedWeight.handling, weight: priors.weight,
                  mean: priors.talkMean, sd: priors.talkSD)
        Self.seed(&wrapUp, priors.observed?.wrapUps, cap: Self.maxObservedWeight.handling, weight: priors.weight,
                  mean: priors.wrapUpMean, sd: priors.wrapUpSD)
    }

    /// What observed history may weigh at most, in observations: enough to pace the first minutes
    /// on it, little enough that this run's own calls outweigh it within a few hundred dials
    /// (the memory is 1,500 dials and 500 talks).
    static let maxObservedWeight = (dials: 400, delays: 200, handling: 100)

    /// History when there is some (worth its size, capped), else the default lognormal shape.
    private static func seed(_ histogram: inout DecayingHistogram, _ samples: [Double]?, cap: Int, weight: Double,
                             mean: Double, sd: Double) {
        if let samples, !samples.isEmpty {
            histogram.addPrior(weight: Double(min(samples.count, cap)), samples: samples)
        } else {
            histogram.addPrior(weight: weight, cdf: Probability.lognormalCDF(mean: mean, sd: sd))
        }
    }

    public mutating func observe(_ observation: PacingObservation) {
        observations += 1
        switch observation {
        case let .dialFailed(_, seconds):
            answer.add(false)
            failedDial.add(seconds)
        case let .liveAnswer(seconds, _):
            answer.add(true)
            liveDelay.add(seconds)
        case let .talkEnded(seconds):
            talk.add(seconds)
        case let .wrapUpEnded(seconds):
            wrapUp.add(seconds)
        }
    }

    public var answerProbability: Double { answer.value }
}
