/// A user's role in the call center. Stored by raw value.
public enum Role: String, CaseIterable, Codable, Sendable {
    /// 系统管理员
    case admin
    /// 班组长
    case supervisor
    /// 座席
    case agent
    /// 质检员
    case qa
    /// 名单管理员
    case listManager = "list_manager"
    /// 分公司 (closed-loop tickets with branch offices)
    case branch

    /// The Chinese name shown in the UI and the seed documents.
    public var chineseName: String {
        switch self {
        case .admin: return "系统管理员"
        case .supervisor: return "班组长"
        case .agent: return "座席"
        case .qa: return "质检员"
        case .listManager: return "名单管理员"
        case .branch: return "分公司"
        }
    }

    /// The English name for the pages (the language switch).
    public var englishName: String {
        switch self {
        case .admin: return "Administrator"
        case .supervisor: return "Supervisor"
        case .agent: return "Agent"
        case .qa: return "QA"
        case .listManager: return "List manager"
        case .branch: return "Branch office"
        }
    }
}
