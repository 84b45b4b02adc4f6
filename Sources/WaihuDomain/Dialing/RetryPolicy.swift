import Foundation

/// How long to wait before dialling a lead again after an unsuccessful attempt (重拨间隔).
public struct RetryPolicy: Codable, Sendable, Equatable {
    public var busy: TimeInterval
    public var noAnswer: TimeInterval
    public var machine: TimeInterval
    public var networkFailure: TimeInterval
    /// 关机 / 无法接通: the delay before trying a switched-off or out-of-coverage phone again.
    public var unreachable: TimeInterval
    /// How many 关机 / 无法接通 results within `unreachableDays` make the number invalid.
    public var unreachableAttempts: Int
    public var unreachableDays: Int

    /// Defaults from the dialling rules: busy 10 min, no answer 2 h, machine 4 h, network
    /// failure 5 min; a switched-off phone 2 h later, invalid after 3 such results in 3 days.
    public init(
        busy: TimeInterval = 10 * 60,
        noAnswer: TimeInterval = 2 * 3600,
        machine: TimeInterval = 4 * 3600,
        networkFailure: TimeInterval = 5 * 60,
        unreachable: TimeInterval = 2 * 3600,
        unreachableAttempts: Int = 3,
        unreachableDays: Int = 3
    ) {
        self.busy = busy
        self.noAnswer = noAnswer
        self.machine = machine
        self.networkFailure = networkFailure
        self.unreachable = unreachable
        self.unreachableAttempts = unreachableAttempts
        self.unreachableDays = unreachableDays
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case busy, noAnswer = "no_answer", machine, networkFailure = "network_failure", unreachable
        case unreachableAttempts = "unreachable_attempts", unreachableDays = "unreachable_days"
    }

    /// Every delay may be left out of a campaign's JSON and takes its default.
    public init(from decoder: Decoder) throws {
        try PlanJSONKey.refuseUnknown(CodingKeys.self, in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = RetryPolicy()
        busy = try c.decodeIfPresent(TimeInterval.self, forKey: .busy) ?? defaults.busy
        noAnswer = try c.decodeIfPresent(TimeInterval.self, forKey: .noAnswer) ?? defaults.noAnswer
        machine = try c.decodeIfPresent(TimeInterval.self, forKey: .machine) ?? defaults.machine
        networkFailure = try c.decodeIfPresent(TimeInterval.self, forKey: .networkFailure) ?? defaults.networkFailure
        unreachable = try c.decodeIfPresent(TimeInterval.self, forKey: .unreachable) ?? defaults.unreachable
        unreachableAttempts = try c.decodeIfPresent(Int.self, forKey: .unreachableAttempts) ?? defaults.unreachableAttempts
        unreachableDays = try c.decodeIfPresent(Int.self, forKey: .unreachableDays) ?? defaults.unreachableDays
        guard unreachableAttempts >= 1, unreachableDays >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .unreachableAttempts, in: c,
                                                   debugDescription: "unreachable_attempts and unreachable_days must be at least 1")
        }
    }

    /// The delay after a call that ended for `cause`, where the cause says more than the
    /// outcome: a switched-off phone waits `unreachable`, a mailbox counts as no answer.
    public func delay(after verdict: CallProgressVerdict) -> TimeInterval? {
        switch verdict.cause {
        case .poweredOff, .unreachable: return unreachable
        case .secretary: return noAnswer
        case .congestion: return networkFailure
        default: return delay(after: verdict.outcome)
        }
    }

    /// The delay after a call that ended with `outcome`, or nil when it must not be retried
    /// automatically: an invalid number never, and an answered call is settled by the agent's
    /// disposition. A refused call (拒接, SIP 603 or another 4xx refusal) and an abandoned
    /// customer wait the busy delay; a system failure says nothing about the number and waits
    /// the short network-failure delay.
    public func delay(after outcome: CallOutcome) -> TimeInterval? {
        switch outcome {
        case .busy, .rejected, .abandoned: return busy
        case .noAnswer: return noAnswer
        case .machine: return machine
        case .failed: return networkFailure
        case .answered, .invalid: return nil
        }
    }
}
