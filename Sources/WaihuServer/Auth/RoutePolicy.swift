import Vapor
import WaihuDomain

/// Who may call a route. Every route in waihu is registered with one, and a test walks
/// all routes to check that the guard admits exactly the roles named here.
public enum RoutePolicy: Sendable, Equatable {
    /// No credentials needed: login, health, metrics, static files.
    case open
    /// Any logged-in user.
    case authenticated
    /// Logged-in users with one of these roles.
    case roles(Set<Role>)

    static let userInfoKey = "waihu.routePolicy"

    public func admits(_ role: Role) -> Bool {
        switch self {
        case .open, .authenticated: return true
        case .roles(let roles): return roles.contains(role)
        }
    }
}

extension Route {
    /// The policy this route was registered with; nil for a route added without one (a bug).
    public var policy: RoutePolicy? {
        userInfo[RoutePolicy.userInfoKey] as? RoutePolicy
    }
}

extension RoutesBuilder {
    /// Routes added through the returned builder carry `policy` and are guarded by it.
    public func guarded(_ policy: RoutePolicy) -> RoutesBuilder {
        PolicyRoutesBuilder(root: self, policy: policy)
    }

    public func guarded(_ roles: Role...) -> RoutesBuilder {
        guarded(.roles(Set(roles)))
    }

    public func guarded(feature: Feature) -> RoutesBuilder {
        guarded(.roles(feature.roles))
    }
}

private struct PolicyRoutesBuilder: RoutesBuilder {
    let root: RoutesBuilder
    let policy: RoutePolicy

    func add(_ route: Route) {
        route.userInfo[RoutePolicy.userInfoKey] = policy
        if policy != .open {
            route.responder = RoleGuard(policy: policy).makeResponder(chainingTo: route.responder)
        }
        root.add(route)
    }
}

/// Answers 401 when nobody is logged in and 403 when the user's role is not admitted.
struct RoleGuard: AsyncMiddleware {
    let policy: RoutePolicy

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let user = request.auth.get(UserRecord.self) else {
            throw Abort(.unauthorized, reason: "Log in first (Authorization: Bearer TOKEN or the session cookie).")
        }
        guard let role = user.role, policy.admits(role) else {
            throw Abort(.forbidden, reason: "Your role may not use this.")
        }
        return try await next.respond(to: request)
    }
}
