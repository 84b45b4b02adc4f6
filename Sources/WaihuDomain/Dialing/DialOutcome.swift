/// How one dial attempt ended, as the dialer observed it. Stored by raw value.
public enum DialOutcome: String, CaseIterable, Codable, Sendable {
    /// 接通: a person answered.
    case liveAnswer = "live_answer"
    /// 忙音: the line was busy.
    case busy
    /// 无人接听: it rang until the ring timeout.
    case noAnswer = "no_answer"
    /// 答录机 / 语音信箱: answering-machine detection judged it a machine.
    case machine
    /// 网络故障: the carrier or our trunk failed the call (congestion, 5xx).
    case networkFailure = "network_failure"
    /// 空号: the number is not in service.
    case vacant
    /// 错号 / 无效号码: the number cannot be dialled at all.
    case invalid

    /// Vacant and invalid numbers are never retried and lower the list's valid-number rate (外呼有效号码率).
    public var isInvalidNumber: Bool {
        self == .vacant || self == .invalid
    }

    /// Whether a person was reached; such an attempt ends with a disposition, not with a retry delay.
    public var reachedCustomer: Bool {
        self == .liveAnswer
    }
}
