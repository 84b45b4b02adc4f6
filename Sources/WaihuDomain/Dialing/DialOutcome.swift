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

    /// The Chinese name shown on a campaign's lead list.
    public var chinese: String {
        switch self {
        case .liveAnswer: return "接通"
        case .busy: return "忙音/拒接"
        case .noAnswer: return "无人接听"
        case .machine: return "答录机"
        case .networkFailure: return "呼叫失败"
        case .vacant: return "空号"
        case .invalid: return "无效号码"
        }
    }

    /// Whether a person was reached; such an attempt ends with a disposition, not with a retry delay.
    public var reachedCustomer: Bool {
        self == .liveAnswer
    }
}
