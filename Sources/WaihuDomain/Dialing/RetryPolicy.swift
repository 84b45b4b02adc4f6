import Foundation

/// How long to wait before dialling a lead again after an unsuccessful attempt (重拨间隔).
public struct RetryPolicy: Codable, Sendable, Equatable {
    public var busy: TimeInterval
    public var noAnswer: TimeInterval
    public var machine: TimeInterval
    public var networkFailure: TimeInterval

    /// Defaults from the dialling rules: busy 10 min, no answer 2 h, machine 4 h, network failure 5 min.
    public init(
        busy: TimeInterval = 10 * 60,
        noAnswer: TimeInterval = 2 * 3600,
        machine: TimeInterval = 4 * 3600,
        networkFailure: TimeInterval = 5 * 60
    ) {
        self.busy = busy
        self.noAnswer = noAnswer
        self.machine = machine
        self.networkFailure = networkFailure
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case busy, noAnswer = "no_answer", machine, networkFailure = "network_failure"
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
