import Fluent
import Vapor
import WaihuDomain

/// User administration 用户管理 (admins).
struct UserController {
    func register(on api: RoutesBuilder) {
        let admin = api.guarded(feature: .userAdministration)
        admin.get("users", use: list)
        admin.post("users", use: create)
        admin.patch("users", ":userID", use: change)
    }

    struct UserView: Content {
        var id: UUID
        var username: String
        var displayName: String
        var role: String
        var team: String?
        var disabled: Bool
        var createdAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, username, role, team, disabled
            case displayName = "display_name"
            case createdAt = "created_at"
        }

        init(_ user: UserRecord, teamName: String?) throws {
            id = try user.requireID()
            username = user.username
            displayName = user.displayName
            role = user.roleName
            team = teamName
            disabled = user.disabled
            createdAt = user.createdAt
        }
    }

    func list(_ req: Request) async throws -> [UserView] {
        try await req.administration.users().map { try UserView($0.user, teamName: $0.teamName) }
    }

    struct CreateUserRequest: Content {
        var username: String
        var displayName: String?
        var role: String
        var team: String?
        var password: String

        enum CodingKeys: String, CodingKey {
            case username, role, team, password
            case displayName = "display_name"
        }
    }

    func create(_ req: Request) async throws -> Response {
        let body = try req.decodeBody(CreateUserRequest.self)
        let role = try AdministrationError.checking { try AccountRules.role(named: body.role) }
        let user = try await req.administration.createUser(.init(
            username: body.username, displayName: body.displayName ?? "", role: role,
            teamName: body.team, password: body.password
        ))
        return try await UserView(user, teamName: body.team).encodeResponse(status: .created, for: req)
    }

    struct ChangeUserRequest: Content {
        var displayName: String?
        var role: String?
        var team: String?
        var disabled: Bool?
        var password: String?

        enum CodingKeys: String, CodingKey {
            case role, team, disabled, password
            case displayName = "display_name"
        }
    }

    func change(_ req: Request) async throws -> UserView {
        guard let id = req.parameters.get("userID", as: UUID.self),
              let user = try await UserRecord.find(id, on: req.db)
        else { throw Abort(.notFound, reason: "no such user") }
        let body = try req.decodeBody(ChangeUserRequest.self)
        let role = try body.role.map { name in try AdministrationError.checking { try AccountRules.role(named: name) } }
        // An empty team name removes the user from their team.
        let team: String?? = body.team.map { $0.isEmpty ? nil : $0 }
        let changed = try await req.administration.changeUser(user, .init(
            displayName: body.displayName, role: role, teamName: team, disabled: body.disabled, password: body.password
        ))
        let teamName = try await changed.$team.get(on: req.db)?.name
        // A new team means other campaigns on the desk: it looks again now.
        req.application.campaignCenter?.seatBoard.notify(changed.username)
        return try UserView(changed, teamName: teamName)
    }
}

extension Request {
    /// Account changes made by the logged-in user, audited with their address.
    var administration: UserAdministration {
        UserAdministration(database: db, actor: auditActor, passwords: application.passwordHashing, logger: logger)
    }
}
