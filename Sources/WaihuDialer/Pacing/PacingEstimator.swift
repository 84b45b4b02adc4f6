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
        answer = DecayingRate(prior: priors.answerProbability, priorWeight: priors.weight * 4, decay: decay)
        liveDelay = DecayingHistogram(binWidth: 0.5, bins: 160, decay: decay)
        failedDial = DecayingHistogram(binWidth: 0.5, bins: 160, decay: decay)
        talk = DecayingHistogram(binWidth: 5, bins: 800, decay: 1 - 1 / (memory / 3))
        wrapUp = DecayingHistogram(binWidth: 1, bins: 400, decay: 1 - 1 / (memory / 3))
        liveDelay.addPrior(weight: priors.weight, cdf: Probability.lognormalCDF(mean: priors.liveDelayMean, sd: priors.liveDelaySD))
        failedDial.addPrior(weight: priors.weight, cdf: Probability.lognormalCDF(mean: priors.failedDialMean, sd: priors.failedDialSD))
        talk.addPrior(weight: priors.weight, cdf: Probability.lognormalCDF(mean: priors.talkMean, sd: priors.talkSD))
        wrapUp.addPrior(weight: priors.weight, cdf: Probability.lognormalCDF(mean: priors.wrapUpMean, sd: priors.wrapUpSD))
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
