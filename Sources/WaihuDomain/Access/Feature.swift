/// A part of waihu a user can open. The navigation shows a user exactly the features
/// that their role may use, and the API routes of a feature admit the same roles,
/// so the rule lives here once. Finer rules (an agent sees only the leads of their
/// team's campaigns, a supervisor only their teams' figures) narrow what a feature
/// shows; they never widen who may open it.
public enum Feature: String, CaseIterable, Codable, Sendable {
    /// 座席工作台: the agent desktop (screen pop, script, dispositions).
    case agentDesktop = "desktop"
    /// 客户名单: search, view and edit leads.
    case leads = "leads"
    /// 名单导入与批次: imports, batches and sources with cost and quality.
    case listBatches = "batches"
    /// 名单导出: privileged and audited.
    case leadExport = "lead_export"
    /// 禁呼名单: the do-not-call list.
    case doNotCall = "dnc"
    /// 外呼任务: campaign administration.
    case campaigns = "campaigns"
    /// 实时监控: the live wallboard.
    case wallboard = "wallboard"
    /// 报表: KPI reports, charts and downloads.
    case reports = "reports"
    /// 录音: listening to call recordings (audited).
    case recordings = "recordings"
    /// 线路与分机: SIP trunks and agent phones.
    case telephony = "telephony"
    /// 用户管理: users, roles and teams.
    case userAdministration = "users"
    /// 审计日志: the append-only audit log.
    case auditLog = "audit"

    /// The roles that may use this feature.
    public var roles: Set<Role> {
        switch self {
        case .agentDesktop: return [.agent, .supervisor]
        case .leads: return [.admin, .listManager, .supervisor, .agent]
        case .listBatches: return [.admin, .listManager, .supervisor]
        case .leadExport: return [.admin, .listManager]
        case .doNotCall: return [.admin, .listManager, .supervisor]
        case .campaigns: return [.admin, .supervisor]
        case .wallboard: return [.admin, .supervisor]
        case .reports: return [.admin, .supervisor, .qa, .agent]
        case .recordings: return [.admin, .supervisor, .qa]
        case .telephony: return [.admin]
        case .userAdministration: return [.admin]
        case .auditLog: return [.admin]
        }
    }
}

extension Role {
    /// The features this role may use, in navigation order.
    public var features: [Feature] {
        Feature.allCases.filter { $0.roles.contains(self) }
    }
}
