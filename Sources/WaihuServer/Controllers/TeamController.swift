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
        try await req.administration.teams().map { entry in
            TeamView(id: try entry.team.requireID(), name: entry.team.name, leader: entry.leader, members: entry.members)
        }
    }

    struct CreateTeamRequest: Content {
        var name: String
        var leader: String?
    }

    func create(_ req: Request) async throws -> Response {
        let body = try req.decodeBody(CreateTeamRequest.self)
        let team = try await req.administration.createTeam(name: body.name, leaderUsername: body.leader)
        return try await view(req, teamID: team.id).encodeResponse(status: .created, for: req)
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
        let changed = try await req.administration.changeTeam(team, name: body.name, leaderUsername: leader)
        return try await view(req, teamID: changed.id)
    }

    private func view(_ req: Request, teamID: UUID?) async throws -> TeamView {
        guard let view = try await list(req).first(where: { $0.id == teamID }) else { throw Abort(.notFound, reason: "no such team") }
        return view
    }
}
