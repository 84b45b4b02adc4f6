/// Why a campaign has no lead to dial, and how many leads each reason holds back: the
/// wallboard shows this instead of leaving agents idle without a word (window closed,
/// leads waiting for their retry time, attempt limits reached, do-not-call …).
public struct LeadShortage: Sendable, Equatable {
    /// The reasons a supervisor can act on, in the order the wallboard lists them.
    public enum Reason: String, CaseIterable, Sendable, Codable {
        case outsideCallingWindow = "window_closed"
        case waitingForRetry = "waiting_for_retry"
        case dailyLimitReached = "daily_limit"
        case attemptLimitReached = "attempt_limit"
        case renewalTooFarAway = "renewal_too_far"
        case doNotCall = "dnc"
        case invalidNumber = "invalid_number"

        /// 中文 label for the wallboard.
        public var chinese: String {
            switch self {
            case .outsideCallingWindow: return "不在呼叫时段"
            case .waitingForRetry: return "等待重拨时间"
            case .dailyLimitReached: return "今日拨打次数已满"
            case .attemptLimitReached: return "拨打次数已满"
            case .renewalTooFarAway: return "距续保日过远"
            case .doNotCall: return "禁呼名单"
            case .invalidNumber: return "空号/无效号码"
            }
        }

        public init(_ refusal: DialRefusal) {
            switch refusal {
            case .doNotCall: self = .doNotCall
            case .outsideCallingWindow: self = .outsideCallingWindow
            case .renewalTooFarAway: self = .renewalTooFarAway
            case .attempts(let eligibility):
                switch eligibility {
                case .notBefore: self = .waitingForRetry
                case .dailyLimitReached: self = .dailyLimitReached
                case .exhausted, .eligible: self = .attemptLimitReached
                case .invalidNumber: self = .invalidNumber
                }
            }
        }
    }

    /// Leads that may be dialed now.
    public private(set) var dialable = 0
    /// Leads held back, per reason.
    public private(set) var heldBack: [Reason: Int] = [:]

    public init() {}

    /// Counts `leads` leads (one by default): `refusal` from `DialGate.refusal(…)`, nil when it may be dialed.
    public mutating func count(_ refusal: DialRefusal?, leads: Int = 1) {
        guard let refusal else {
            dialable += leads
            return
        }
        heldBack[Reason(refusal), default: 0] += leads
    }

    /// The reasons holding leads back, most leads first (ties in `Reason` order).
    public var reasons: [(reason: Reason, leads: Int)] {
        Reason.allCases.compactMap { reason in heldBack[reason].map { (reason, $0) } }
            .enumerated()
            .sorted { $0.element.leads != $1.element.leads ? $0.element.leads > $1.element.leads : $0.offset < $1.offset }
            .map(\.element)
    }

    /// The campaign is short of leads when none may be dialed now; the first reason is
    /// what the wallboard names.
    public var isShort: Bool { dialable == 0 }
}
