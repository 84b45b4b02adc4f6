import WaihuDomain

/// What earlier campaigns and days say about a new run: the answer rate of the same batches and
/// sources by hour of day, how long their dials took to answer or fail, how long the same team
/// talks and wraps up, and the campaign's own abandon ledger. `priors(hour:)` turns it into the
/// pacer's starting point; the run's own calls then replace it (docs/pacing.md, "Warm start").
public struct PacingHistory: Sendable, Equatable {
    /// Dials and live answers (answered or abandoned) per local hour of day, 0…23.
    public var dialsByHour: [Int]
    public var liveAnswersByHour: [Int]
    public var durations: PacingPriors.ObservedDurations
    /// The campaign's own abandons and live answers per day (`AgentCampaignSettings.abandonCapDay`).
    public var ledger: AbandonLedger

    /// Less than this and the history says too little: the campaign starts as a new one would.
    public static let minimumDials = 50
    public static let minimumLiveAnswers = 10
    /// An hour's own answer rate is used once it rests on this many dials, else the whole day's.
    public static let minimumDialsInHour = 100

    public init(dialsByHour: [Int] = Array(repeating: 0, count: 24), liveAnswersByHour: [Int] = Array(repeating: 0, count: 24),
                durations: PacingPriors.ObservedDurations = .init(), ledger: AbandonLedger = AbandonLedger()) {
        self.dialsByHour = dialsByHour
        self.liveAnswersByHour = liveAnswersByHour
        self.durations = durations
        self.ledger = ledger
    }

    public var dials: Int { dialsByHour.reduce(0, +) }
    public var liveAnswers: Int { liveAnswersByHour.reduce(0, +) }
    public var isEnough: Bool { dials >= Self.minimumDials && liveAnswers >= Self.minimumLiveAnswers }

    /// Adds one thing a run saw (the simulator's warm-up, or any run kept in memory), the same
    /// figures `PacingHistoryQuery` reads from the call log; keeps the newest `sampleLimit` durations.
    public mutating func record(_ observation: PacingObservation, hour: Int, day: Int, sampleLimit: Int = 1000) {
        func keep(_ value: Double, in samples: inout [Double]) {
            samples.append(value)
            if samples.count > sampleLimit { samples.removeFirst(samples.count - sampleLimit) }
        }
        let hour = min(23, max(0, hour))
        switch observation {
        case let .dialFailed(_, seconds):
            dialsByHour[hour] += 1
            keep(seconds, in: &durations.failedDials)
        case let .liveAnswer(seconds, abandoned):
            dialsByHour[hour] += 1
            liveAnswersByHour[hour] += 1
            ledger.recordLiveAnswer(day: day, abandoned: abandoned)
            if !abandoned { keep(seconds, in: &durations.liveDelays) }
        case let .talkEnded(seconds):
            keep(seconds, in: &durations.talks)
        case let .wrapUpEnded(seconds):
            keep(seconds, in: &durations.wrapUps)
        }
    }

    /// The answer probability for a start in `hour`: that hour's rate when it has enough dials,
    /// else the rate over all hours; nil without enough history.
    public func answerProbability(hour: Int) -> Double? {
        guard isEnough else { return nil }
        if dialsByHour.indices.contains(hour), dialsByHour[hour] >= Self.minimumDialsInHour {
            return Double(liveAnswersByHour[hour]) / Double(dialsByHour[hour])
        }
        return Double(liveAnswers) / Double(dials)
    }

    /// The pacer's priors for a start in `hour`: history's figures when there are enough,
    /// else the defaults (a campaign with no history starts as it always did).
    public func priors(hour: Int) -> PacingPriors {
        guard let answer = answerProbability(hour: hour) else { return PacingPriors() }
        var observed = durations
        observed.dials = dials
        return PacingPriors(answerProbability: min(0.99, max(0.01, answer)), observed: observed)
    }
}
