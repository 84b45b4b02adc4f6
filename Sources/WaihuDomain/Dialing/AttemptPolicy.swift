import Foundation

/// Limits on how often a lead is dialled (拨打次数限制), and when it may be dialled again.
public struct AttemptPolicy: Codable, Sendable, Equatable {
    public var maxAttemptsPerLead: Int
    public var maxAttemptsPerDay: Int
    public var retry: RetryPolicy

    public init(maxAttemptsPerLead: Int = 6, maxAttemptsPerDay: Int = 3, retry: RetryPolicy = RetryPolicy()) {
        self.maxAttemptsPerLead = maxAttemptsPerLead
        self.maxAttemptsPerDay = maxAttemptsPerDay
        self.retry = retry
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case maxAttemptsPerLead = "max_attempts_per_lead", maxAttemptsPerDay = "max_attempts_per_day", retry
    }

    /// Every limit may be left out of a campaign's JSON and takes its default.
    public init(from decoder: Decoder) throws {
        try PlanJSONKey.refuseUnknown(CodingKeys.self, in: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = AttemptPolicy()
        maxAttemptsPerLead = try c.decodeIfPresent(Int.self, forKey: .maxAttemptsPerLead) ?? defaults.maxAttemptsPerLead
        maxAttemptsPerDay = try c.decodeIfPresent(Int.self, forKey: .maxAttemptsPerDay) ?? defaults.maxAttemptsPerDay
        retry = try c.decodeIfPresent(RetryPolicy.self, forKey: .retry) ?? defaults.retry
    }

    /// Whether the lead may be dialled at `now`, judged only on its attempt history.
    public func eligibility(of history: LeadDialHistory, now: Date) -> AttemptEligibility {
        if let last = history.lastOutcome, InvalidLeadRule.showsInvalidNumber(last) {
            return .invalidNumber
        }
        if history.attempts >= maxAttemptsPerLead {
            return .exhausted
        }
        if history.attemptsToday >= maxAttemptsPerDay {
            return .dailyLimitReached
        }
        if let last = history.lastOutcome, let at = history.lastAttemptAt, let delay = retry.delay(after: last) {
            let due = at.addingTimeInterval(delay)
            if due > now {
                return .notBefore(due)
            }
        }
        return .eligible
    }
}

/// The answer of `AttemptPolicy.eligibility(of:now:)`.
public enum AttemptEligibility: Sendable, Equatable {
    case eligible
    /// The retry delay for the last outcome has not passed yet.
    case notBefore(Date)
    /// The per-day limit is reached; the lead comes back tomorrow.
    case dailyLimitReached
    /// The per-lead limit is reached; the lead is closed.
    case exhausted
    /// The number is vacant or invalid; it is never dialled again.
    case invalidNumber
}
