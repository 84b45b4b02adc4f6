/// A part of waihu a user can open. The navigation shows a user exactly the features
/// that their role may use, and the API routes of a feature admit the same roles,
/// so the rule lives here once.
public enum Feature: String, CaseIterable, Codable, Sendable {
    /// 用户管理: users, roles and teams.
    case userAdministration = "users"
    /// 审计日志: the append-only audit log.
    case auditLog = "audit"

    /// The roles that may use this feature.
    public var roles: Set<Role> {
        switch self {
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
