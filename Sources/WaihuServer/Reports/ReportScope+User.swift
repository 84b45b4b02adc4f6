import Fluent
import SQLKit
import WaihuDomain

extension ReportScope {
    /// The figures `user` may see (issue 7): admins and QA everything; an agent their own
    /// (events whose `agent_id` is their username); a supervisor those of the agents in the
    /// teams they lead or belong to, by team name: members in waihu's users and agents whose
    /// employment events name the team, and their own.
    public static func of(_ user: UserRecord, on database: Database) async throws -> ReportScope {
        switch user.role {
        case .admin, .qa: return .everything
        case .agent: return ReportScope(agentIDs: [user.username])
        case .supervisor:
            let teams = try await TeamRecord.query(on: database).all().filter { team in
                team.leaderID == user.id || (team.id != nil && team.id == user.$team.id)
            }
            var agents = [user.username]
            let teamIDs = teams.compactMap(\.id)
            if !teamIDs.isEmpty {
                agents += try await UserRecord.query(on: database).filter(\.$team.$id ~~ teamIDs.map { Optional($0) }).all().map(\.username)
            }
            let names = teams.map(\.name)
            if !names.isEmpty, let sql = database as? SQLDatabase {
                var query: SQLQueryString = "SELECT agent_id FROM \(unsafeRaw: EventTable.agentTeams.name) WHERE team_id IN ("
                for (index, name) in names.enumerated() {
                    if index > 0 { query.appendInterpolation(unsafeRaw: ", ") }
                    query.appendInterpolation(bind: name)
                }
                query.appendInterpolation(unsafeRaw: ")")
                let rows = try await sql.raw(query).all()
                agents += try rows.map { try $0.decode(column: "agent_id", as: String.self) }
            }
            return ReportScope(agentIDs: agents)
        default:
            return ReportScope(agentIDs: [])
        }
    }
}
