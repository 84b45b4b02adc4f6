import Fluent
import Vapor
import WaihuDomain

/// Login, logout and "who am I". Failed logins are throttled per account and per
/// address from the audit log itself, so every node behind a load balancer agrees.
struct AuthController {
    let tokenLifetime: TimeInterval
    let throttle: LoginThrottlePolicy

    func register(on api: RoutesBuilder) {
        api.guarded(.open).post("auth", "login", use: login)
        api.guarded(.authenticated).post("auth", "logout", use: logout)
        api.guarded(.authenticated).get("auth", "me", use: me)
    }

    struct LoginRequest: Content {
        var username: String
        var password: String
    }

    struct LoginResponse: Content {
        var token: String
        var role: String
        var username: String
        var displayName: String
        var features: [String]
        var expiresAt: Date

        enum CodingKeys: String, CodingKey {
            case token, role, username, features
            case displayName = "display_name"
            case expiresAt = "expires_at"
        }
    }

    func login(_ req: Request) async throws -> Response {
        let body = try req.decodeBody(LoginRequest.self)
        guard body.username.count <= 64, body.password.count <= 256 else {
            throw Abort(.badRequest, reason: "username or password is too long")
        }
        let address = req.clientAddress
        let since = Date().addingTimeInterval(-throttle.window)
        let failures = AuditEntryRecord.query(on: req.db)
            .filter(\.$action == AuditAction.loginFailed.rawValue)
            .filter(\.$at > since)
        let accountFailures = try await failures.copy().filter(\.$target == body.username).count()
        let addressFailures = try await failures.copy().filter(\.$address == address).count()
        let anonymous = AuditActor(id: nil, name: body.username, address: address)
        if throttle.refuses(accountFailures: accountFailures, addressFailures: addressFailures) {
            let oldest = try await failures.copy()
                .group(.or) { $0.filter(\.$target == body.username).filter(\.$address == address) }
                .sort(\.$at, .descending)
                .range(..<throttle.maxFailures)
                .all()
                .last?.at ?? Date()
            try await AuditLog.record(.loginThrottled, by: anonymous, target: body.username, on: req.db, logger: req.logger)
            WaihuMetrics.login(result: "throttled")
            let retry = throttle.retryAfter(oldestCountedFailureAge: Date().timeIntervalSince(oldest))
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(retry)],
                        reason: "Too many failed logins; try again in \(retry) s.")
        }

        let user = try await UserRecord.query(on: req.db).filter(\.$username == body.username).first()
        // Hash even for unknown users so that timing does not reveal which names exist.
        let storedHash = user?.passwordHash ?? Self.unknownUserHash
        let matches = try await req.application.passwordHashing.verify(body.password, created: storedHash)
        guard let user, matches, !user.disabled, let role = user.role else {
            try await AuditLog.record(.loginFailed, by: anonymous, target: body.username,
                                      detail: user?.disabled == true ? "account disabled" : "", on: req.db, logger: req.logger)
            WaihuMetrics.login(result: "failed")
            throw Abort(.unauthorized, reason: "Wrong username or password, or the account is disabled.")
        }

        let (token, expiresAt) = try await SessionTokens.issue(for: user, lifetime: tokenLifetime, address: address, on: req.db)
        try await AuditLog.record(.login, by: AuditActor(id: user.id, name: user.username, address: address), target: user.username, on: req.db, logger: req.logger)
        WaihuMetrics.login(result: "ok")

        let response = try await LoginResponse(
            token: token, role: role.rawValue, username: user.username, displayName: user.displayName,
            features: role.features.map(\.rawValue), expiresAt: expiresAt
        ).encodeResponse(for: req)
        response.cookies[SessionTokens.cookieName] = HTTPCookies.Value(
            string: token, expires: expiresAt, path: "/", isSecure: false, isHTTPOnly: true, sameSite: .strict
        )
        return response
    }

    func logout(_ req: Request) async throws -> Response {
        if let session = req.storage[CurrentSessionKey.self] {
            try await SessionTokens.revoke(session, on: req.db)
        }
        try await AuditLog.record(.logout, by: req.auditActor, target: req.auditActor.name, on: req.db, logger: req.logger)
        let response = Response(status: .noContent)
        response.cookies[SessionTokens.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/", isHTTPOnly: true, sameSite: .strict)
        return response
    }

    struct MeResponse: Content {
        var username: String
        var displayName: String
        var role: String
        var team: String?
        var features: [String]

        enum CodingKeys: String, CodingKey {
            case username, role, team, features
            case displayName = "display_name"
        }
    }

    func me(_ req: Request) async throws -> MeResponse {
        let user = try req.auth.require(UserRecord.self)
        let team = try await user.$team.get(on: req.db)
        return MeResponse(username: user.username, displayName: user.displayName, role: user.roleName,
                          team: team?.name, features: (user.role?.features ?? []).map(\.rawValue))
    }

    /// A bcrypt hash of a random string, so unknown users cost as much to check as known ones.
    private static let unknownUserHash: String = (try? Bcrypt.hash(UUID().uuidString)) ?? ""
}
