import Foundation

/// One key of a campaign's priority rule (拨打优先级).
public enum LeadPriorityKey: String, Codable, Sendable, CaseIterable {
    /// Earliest renewal date first; leads without one go last.
    case renewalDate = "renewal_date"
    /// Fewest attempts first, so every lead gets tried before any is retried.
    case fewestAttempts = "fewest_attempts"
    /// Best (smallest) source priority first.
    case sourcePriority = "source_priority"

    /// The key's name on the campaign form (拨打优先级).
    public var chineseName: String {
        switch self {
        case .renewalDate: return "续保到期日最早"
        case .fewestAttempts: return "拨打次数最少"
        case .sourcePriority: return "来源优先级最高"
        }
    }

    public var englishName: String {
        switch self {
        case .renewalDate: return "Earliest renewal date"
        case .fewestAttempts: return "Fewest attempts"
        case .sourcePriority: return "Best source priority"
        }
    }
}

/// The order in which a campaign dials its eligible leads: due callbacks first, then the priority rule.
public struct LeadOrdering: Codable, Sendable, Equatable {
    public var keys: [LeadPriorityKey]

    public init(keys: [LeadPriorityKey] = [.renewalDate, .fewestAttempts, .sourcePriority]) {
        self.keys = keys
    }

    /// `leads` sorted best first. Leads are assumed already eligible; callbacks count as due when
    /// their time is at or before `now`. Ties end on the lead id so the order is reproducible.
    public func ordered(_ leads: [LeadCandidate], now: Date) -> [LeadCandidate] {
        leads.sorted { comesBefore($0, $1, now: now) }
    }

    public func comesBefore(_ a: LeadCandidate, _ b: LeadCandidate, now: Date) -> Bool {
        let aDue = a.callbackDueAt.map { $0 <= now } ?? false
        let bDue = b.callbackDueAt.map { $0 <= now } ?? false
        if aDue != bDue { return aDue }
        if aDue, let x = a.callbackDueAt, let y = b.callbackDueAt, x != y { return x < y }
        for key in keys {
            switch key {
            case .renewalDate:
                switch (a.renewalDate, b.renewalDate) {
                case let (x?, y?) where x != y: return x < y
                case (.some, .none): return true
                case (.none, .some): return false
                default: break
                }
            case .fewestAttempts:
                if a.attempts != b.attempts { return a.attempts < b.attempts }
            case .sourcePriority:
                if a.sourcePriority != b.sourcePriority { return a.sourcePriority < b.sourcePriority }
            }
        }
        return a.id < b.id
    }
}
