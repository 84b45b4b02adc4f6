import WaihuDomain
/// Everything one simulated shift depends on. Defaults are the reference model of the pacing issue.
///
/// When `answerProbability` differs from the reference 25 %, the other outcomes keep their
/// reference proportions of the remaining share (machine 10 : busy 10 : invalid 20 : no answer 35).
public struct PacingSimulationParameters: Codable, Sendable, Equatable {
    public var agents = 20
    /// P(a dial is answered by a person) (接通率 per dial).
    public var answerProbability = 0.25
    public var liveDelayMean = 8.0
    public var liveDelaySD = 4.0
    /// Seconds until each non-live outcome is known (fixed per outcome).
    public var machineSeconds = 12.0
    public var busySeconds = 5.0
    public var invalidSeconds = 3.0
    public var ringTimeoutSeconds = 20.0
    public var talkMean = 180.0
    public var talkSD = 150.0
    public var wrapUpMean = 20.0
    public var wrapUpSD = 10.0
    public var connectGrace = 2.0
    /// Abandon cap as a fraction of live answers (0.03 = 3 %).
    public var cap = 0.03
    public var hours = 8.0
    public var seed: UInt64 = 1
    public var mode: DialMode = .predictive
    /// Calls per ready agent in fixed-ratio mode.
    public var fixedRatio = 2.0
    /// One break per agent of this many minutes, around mid-shift (staggered); logged out meanwhile.
    public var breakMinutes = 0.0
    /// P(an agent pauses (示忙) after a wrap-up), and the mean pause.
    public var pauseProbability = 0.0
    public var pauseMeanSeconds = 60.0
    /// With answering-machine detection: P(a machine verdict was in fact a person, who is hung up on).
    public var machineFalsePositiveRate = 0.0
    /// Minutes of an earlier campaign on the same lists and floor (another seed) whose history
    /// the measured shift's predictive pacer starts from (a warm start); 0: a cold start.
    public var warmMinutes = 0.0
    /// Where the cap controller's risk threshold starts (nil: the pacer's default), for tuning sweeps.
    public var initialThreshold: Double?
    /// Also run progressive dialling on the same seed, for comparison.
    public var compareWithProgressive = true

    public init() {}

    /// Shares of (live, machine, busy, invalid, no answer) per dial.
    public var outcomeShares: (live: Double, machine: Double, busy: Double, invalid: Double, noAnswer: Double) {
        let rest = (1 - answerProbability) / 0.75
        return (answerProbability, 0.10 * rest, 0.10 * rest, 0.20 * rest, 0.35 * rest)
    }

    /// Throws a `PacingParameterError` for the first impossible value.
    public func validate() throws {
        guard (1...1000).contains(agents) else { throw PacingParameterError.agentsOutOfRange(agents) }
        for (name, value) in [("answer probability", answerProbability), ("pause probability", pauseProbability),
                              ("machine false-positive rate", machineFalsePositiveRate)]
        where !(value.isFinite && value >= 0 && value <= 1) {
            throw PacingParameterError.probabilityOutOfRange(name: name, value: value)
        }
        guard cap.isFinite, cap >= 0, cap <= 1 else { throw PacingParameterError.capOutOfRange(cap) }
        guard cap <= 0.05 else { throw PacingParameterError.capAboveLegalLimit(cap) }
        for (name, value) in [("live answer delay mean", liveDelayMean), ("machine detection time", machineSeconds),
                              ("busy time", busySeconds), ("invalid number time", invalidSeconds),
                              ("ring timeout", ringTimeoutSeconds), ("talk time mean", talkMean),
                              ("wrap-up time mean", wrapUpMean), ("pause mean", pauseMeanSeconds)]
        where !(value.isFinite && value > 0) {
            throw PacingParameterError.durationNotPositive(name: name, value: value)
        }
        for (name, value) in [("live answer delay deviation", liveDelaySD), ("talk time deviation", talkSD),
                              ("wrap-up time deviation", wrapUpSD), ("connect grace", connectGrace),
                              ("break length", breakMinutes)]
        where !(value.isFinite && value >= 0) {
            throw PacingParameterError.durationNotPositive(name: name, value: value)
        }
        guard hours.isFinite, hours > 0, hours <= 24 else { throw PacingParameterError.hoursOutOfRange(hours) }
        guard warmMinutes.isFinite, (0...1440).contains(warmMinutes) else { throw PacingParameterError.warmMinutesOutOfRange(warmMinutes) }
        if mode == .broadcast { throw PacingParameterError.unsupportedMode(mode.rawValue) }
        if mode == .fixedRatio, !(fixedRatio.isFinite && fixedRatio >= 1 && fixedRatio <= 10) {
            throw PacingParameterError.ratioOutOfRange(fixedRatio)
        }
    }
}
