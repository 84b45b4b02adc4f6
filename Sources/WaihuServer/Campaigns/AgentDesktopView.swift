import Fluent
import Foundation
import SQLKit
import Vapor
import WaihuDomain

/// The agent desktop's whole state (座席工作台), sent on every change: a reload or a lost
/// connection gets the same screen back, including a call waiting for its disposition.
struct AgentDesktopView: Content {
    struct Campaign: Content {
        var id: Int
        var name: String
        var mode: String
        var dispositions: [CampaignDisposition]?
    }

    struct Pending: Content {
        var call_id: String
        var lead_id: Int
        var name: String?
        var campaign: String
    }

    var agent: String
    var display_name: String
    var state: String
    var reason: String?
    var since: Date?
    var `extension`: String?
    var registered: Bool
    var not_ready_after_call: String?
    var campaign: Campaign?
    var campaigns: [Campaign]
    var call: DesktopCall?
    var pending: [Pending]

    /// Campaigns an agent may log in to: running or paused, assigned to the agent's team (or
    /// to no team); a supervisor may join any.
    static func availableCampaigns(for user: UserRecord, on db: Database) async throws -> [Campaign] {
        let active = try await CampaignRecord.query(on: db)
            .filter(\.$status ~~ [CampaignStatus.running.rawValue, CampaignStatus.paused.rawValue])
            .sort(\.$name).all()
        guard let sql = db as? SQLDatabase else { return [] }
        var result: [Campaign] = []
        for campaign in active {
            guard let id = campaign.id else { continue }
            if user.role != .supervisor && user.role != .admin {
                let teams = try await sql.raw("SELECT team_id FROM campaign_teams WHERE campaign_id = \(bind: id)").all()
                    .map { try $0.decode(column: "team_id", as: UUID.self) }
                if !teams.isEmpty && !(user.$team.id.map(teams.contains) ?? false) { continue }
            }
            result.append(Campaign(id: id, name: campaign.name, mode: campaign.mode, dispositions: nil))
        }
        return result
    }

    /// Calls this agent took that still wait for a disposition (also after a restart).
    static func pending(of username: String, on db: Database) async throws -> [Pending] {
        guard let sql = db as? SQLDatabase else { return [] }
        struct Row: Decodable { var call_id: String; var lead_id: Int; var name: String?; var campaign: String }
        return try await sql.raw("""
            SELECT cl.call_id AS call_id, cl.lead_id AS lead_id, l.name AS name, c.name AS campaign
            FROM campaign_leads cl JOIN leads l ON l.id = cl.lead_id JOIN campaigns c ON c.id = cl.campaign_id
            WHERE cl.agent_id = \(bind: username) AND cl.state = 'wrap_up' AND cl.call_id IS NOT NULL
            ORDER BY cl.last_attempt_at DESC LIMIT 20
            """).all(decoding: Row.self).map { Pending(call_id: $0.call_id, lead_id: $0.lead_id, name: $0.name, campaign: $0.campaign) }
    }
}
