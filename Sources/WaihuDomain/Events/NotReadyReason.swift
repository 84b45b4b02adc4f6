/// Reason code of a not-ready (示忙) interval. Stored by raw value.
///
/// Not-ready time is reported by reason so that a manager can tell a meal from a meeting.
public enum NotReadyReason: String, StoredEnum {
    /// 小休
    case `break`
    /// 用餐
    case meal
    /// 培训
    case training
    /// 会议
    case meeting
    /// 求助 (paused to ask a supervisor)
    case help
    /// 辅导 (one-to-one coaching with a team lead or QA)
    case coaching
    /// 系统故障 (system or phone problem)
    case systemIssue = "system_issue"
    /// 其他
    case other

    public init(from decoder: Decoder) throws { self = try Self.decodeStored(from: decoder) }

    /// The Chinese name shown in reports.
    public var chineseName: String {
        switch self {
        case .break: return "小休"
        case .meal: return "用餐"
        case .training: return "培训"
        case .meeting: return "会议"
        case .help: return "求助"
        case .coaching: return "辅导"
        case .systemIssue: return "系统故障"
        case .other: return "其他"
        }
    }

    /// The English name for the pages (the language switch).
    public var englishName: String {
        switch self {
        case .break: return "Break"
        case .meal: return "Meal"
        case .training: return "Training"
        case .meeting: return "Meeting"
        case .help: return "Help"
        case .coaching: return "Coaching"
        case .systemIssue: return "System issue"
        case .other: return "Other"
        }
    }
}
