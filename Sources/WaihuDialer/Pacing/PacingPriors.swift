/// What a campaign's estimators assume before they have seen any calls: the first minutes of a
/// shift are paced on these, then on what the campaign actually does.
public struct PacingPriors: Codable, Sendable, Equatable {
    public var answerProbability: Double
    public var liveDelayMean: Double
    public var liveDelaySD: Double
    public var failedDialMean: Double
    public var failedDialSD: Double
    public var talkMean: Double
    public var talkSD: Double
    public var wrapUpMean: Double
    public var wrapUpSD: Double
    /// How many observations the prior is worth; small, so real data takes over within minutes.
    public var weight: Double
    /// Durations seen in earlier campaigns (a warm start, `PacingHistory`): when present they
    /// replace the lognormal shape above, each set worth `weight` observations (at most its size).
    public var observed: ObservedDurations?
    /// Whether these priors come from history rather than from the defaults.
    public var fromHistory: Bool { observed != nil }

    /// Durations in seconds, most recent first, from the call log and the agents' state intervals.
    public struct ObservedDurations: Codable, Sendable, Equatable {
        public var liveDelays: [Double]
        public var failedDials: [Double]
        public var talks: [Double]
        public var wrapUps: [Double]
        /// Dials behind the answer probability, which weigh in the answer rate's prior.
        public var dials: Int

        public init(liveDelays: [Double] = [], failedDials: [Double] = [], talks: [Double] = [], wrapUps: [Double] = [], dials: Int = 0) {
            self.liveDelays = liveDelays
            self.failedDials = failedDials
            self.talks = talks
            self.wrapUps = wrapUps
            self.dials = dials
        }
    }

    public init(answerProbability: Double = 0.25, liveDelayMean: Double = 8, liveDelaySD: Double = 4,
                failedDialMean: Double = 12, failedDialSD: Double = 8, talkMean: Double = 180, talkSD: Double = 150,
                wrapUpMean: Double = 20, wrapUpSD: Double = 10, weight: Double = 20, observed: ObservedDurations? = nil) {
        self.answerProbability = answerProbability
        self.liveDelayMean = liveDelayMean
        self.liveDelaySD = liveDelaySD
        self.failedDialMean = failedDialMean
        self.failedDialSD = failedDialSD
        self.talkMean = talkMean
        self.talkSD = talkSD
        self.wrapUpMean = wrapUpMean
        self.wrapUpSD = wrapUpSD
        self.weight = weight
        self.observed = observed
    }
}
