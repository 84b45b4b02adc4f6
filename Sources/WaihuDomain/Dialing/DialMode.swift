/// How a campaign decides when to place calls. Stored by raw value.
public enum DialMode: String, CaseIterable, Codable, Sendable {
    /// 语音群呼: play a recorded message, transfer those who press the digit.
    case broadcast
    /// 预览: the agent sees the lead first and clicks to dial.
    case preview
    /// 渐进: one call per ready agent.
    case progressive
    /// 固定比例: a fixed number of calls per ready agent.
    case fixedRatio = "fixed_ratio"
    /// 预测: as many calls as the pacer predicts agents will be free for, under the abandon cap.
    case predictive
    /// 号码检测: dial a batch without agents, read each number's fate from signalling and
    /// early media, and hang up at the first sign of alerting. Off unless an admin enables it:
    /// the callee's phone may log a missed call.
    case cleanse

    /// Whether the mode's answered calls go to agents.
    public var usesAgents: Bool {
        switch self {
        case .broadcast, .cleanse: return false
        case .preview, .progressive, .fixedRatio, .predictive: return true
        }
    }

    /// 语音群呼, 预览 … for the pages and reports.
    public var chineseName: String {
        switch self {
        case .broadcast: return "语音群呼"
        case .preview: return "预览"
        case .progressive: return "渐进"
        case .fixedRatio: return "固定比例"
        case .predictive: return "预测"
        case .cleanse: return "号码检测"
        }
    }

    /// The English name for the pages (the language switch).
    public var englishName: String {
        switch self {
        case .broadcast: return "Voice broadcast"
        case .preview: return "Preview"
        case .progressive: return "Progressive"
        case .fixedRatio: return "Fixed ratio"
        case .predictive: return "Predictive"
        case .cleanse: return "Number check"
        }
    }
}
