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

    public init(answerProbability: Double = 0.25, liveDelayMean: Double = 8, liveDelaySD: Double = 4,
                failedDialMean: Double = 12, failedDialSD: Double = 8, talkMean: Double = 180, talkSD: Double = 150,
                wrapUpMean: Double = 20, wrapUpSD: Double = 10, weight: Double = 20) {
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
    }
}
