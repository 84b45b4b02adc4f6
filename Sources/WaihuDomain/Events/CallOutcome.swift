/// How a call attempt ended, from the network's point of view (呼叫结果). Stored by raw value.
///
/// This is not the disposition: an `answered` call may still be a refusal or a wrong party;
/// that is recorded by the agent as a `DispositionRecord`.
public enum CallOutcome: String, StoredEnum {
    /// 接通: a person answered.
    case answered
    /// 忙音
    case busy
    /// 无人接听
    case noAnswer = "no_answer"
    /// 空号 / 停机 / 号码错误: vacant, suspended or invalid number.
    case invalid
    /// 拒接: the callee rejected the call.
    case rejected
    /// 放弃: answered, but no agent was free and the call was dropped (predictive dialling).
    case abandoned
    /// 答录机 / 语音信箱
    case machine
    /// 呼叫失败: network or system failure, says nothing about the number.
    case failed

    public init(from decoder: Decoder) throws { self = try Self.decodeStored(from: decoder) }

    /// The Chinese name shown in reports.
    public var chineseName: String {
        switch self {
        case .answered: return "接通"
        case .busy: return "忙音"
        case .noAnswer: return "无人接听"
        case .invalid: return "空号/停机"
        case .rejected: return "拒接"
        case .abandoned: return "放弃"
        case .machine: return "答录机"
        case .failed: return "呼叫失败"
        }
    }

    /// The English name shown on the pages.
    public var englishName: String {
        switch self {
        case .answered: return "Answered"
        case .busy: return "Busy"
        case .noAnswer: return "No answer"
        case .invalid: return "Vacant / suspended"
        case .rejected: return "Rejected"
        case .abandoned: return "Abandoned"
        case .machine: return "Answering machine"
        case .failed: return "Call failed"
        }
    }
}
