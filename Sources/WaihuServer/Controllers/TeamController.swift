import Fluent
import Vapor
import WaihuDomain

/// Teams 班组 and their leaders. Admins change them; supervisors may read them.
struct TeamController {
    func register(on api: RoutesBuilder) {
        api.guarded(.admin, .supervisor).get("teams", use: list)
        let admin = api.guarded(feature: .userAdministration)
        admin.post("teams", use: create)
        admin.patch("teams", ":teamID", use: change)
    }

    struct TeamView: Content {
        var id: UUID
        var name: String
        var leader: String?
        var members: Int
    }

    func list(_ req: Request) async throws -> [TeamView] {
        let users = try await UserRecord.query(on: req.db).all()
        let usernames = Dictionary(uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user.username) } })
        return try await TeamRecord.query(on: req.db).sort(\.$name).all().map { team in
            let id = try team.requireID()
            return TeamView(id: id, name: team.name, leader: team.leaderID.flatMap { usernames[$0] },
                            members: users.filter { $0.$team.id == id && !$0.disabled }.count)
        }
    }

    struct CreateTeamRequest: Content {
        var name: String
        var leader: String?
    }

    func create(_ req: Request) async throws -> Response {
        let body = try req.decodeBody(CreateTeamRequest.self)
        let team = try await administration(req).createTeam(name: body.name, leaderUsername: body.leader)
        let view = TeamView(id: try team.requireID(), name: team.name, leader: body.leader?.isEmpty == false ? body.leader : nil,
                            members: body.leader?.isEmpty == false ? 1 : 0)
        return try await view.encodeResponse(status: .created, for: req)
    }

    struct ChangeTeamRequest: Content {
        var name: String?
        var leader: String?
    }

    func change(_ req: Request) async throws -> TeamView {
        guard let id = req.parameters.get("teamID", as: UUID.self),
              let team = try await TeamRecord.find(id, on: req.db)
        else { throw Abort(.notFound, reason: "no such team") }
        let body = try req.decodeBody(ChangeTeamRequest.self)
        let leader: String?? = body.leader.map { $0.isEmpty ? nil : $0 }
        let changed = try await administration(req).changeTeam(team, name: body.name, leaderUsername: leader)
        return try await list(req).first { $0.id == changed.id } ?? TeamView(id: id, name: changed.name, leader: nil, members: 0)
    }

    private func administration(_ req: Request) -> UserAdministration {
        UserAdministration(database: req.db, actor: req.auditActor, threadPool: req.application.threadPool, logger: req.logger)
    }
}
