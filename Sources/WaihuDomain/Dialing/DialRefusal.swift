import Foundation

/// Why a lead may not be dialled right now.
public enum DialRefusal: Sendable, Equatable, CustomStringConvertible {
    /// 免打扰名单
    case doNotCall
    case outsideCallingWindow
    case renewalTooFarAway(daysBefore: Int)
    case attempts(AttemptEligibility)

    public var description: String {
        switch self {
        case .doNotCall: return "The number is on the do-not-call list."
        case .outsideCallingWindow: return "It is outside the calling window in the customer's local time, or a holiday."
        case let .renewalTooFarAway(days): return "The renewal date is more than \(days) days away."
        case let .attempts(e):
            switch e {
            case .eligible: return "Eligible."
            case let .notBefore(date): return "The retry delay has not passed; next attempt at \(date)."
            case .dailyLimitReached: return "The lead has reached today's attempt limit."
            case .exhausted: return "The lead has reached its attempt limit."
            case .invalidNumber: return "The number is vacant or invalid and is never redialled."
            }
        }
    }
}
