import Foundation
import Vapor
import WaihuDomain

/// The wallboard's agents (feature `wallboard`): every agent at a desk in the supervisor's
/// scope with their state and time in state, and the supervisor's two moves on them, forcing
/// one not ready (after the call when on one) or out. Both are events of the agent's state
/// machine, like the agent's own.
struct WallboardAgentsController {
    func register(on api: RoutesBuilder) {
        let board = api.guarded(feature: .wallboard)
        board.get("desk", "agents", use: agents)
        board.post("desk", "agents", ":username", "not-ready", use: forceNotReady)
        board.post("desk", "agents", ":username", "logout", use: forceLogout)
    }

    struct AgentLive: Content {
        var agent: String
        var display_name: String
        var team: String?
        /// `AgentState`'s raw value: logged_out, ready, reserved, ringing, on_call, wrap_up, not_ready…
        var state: String
        var reason: String?
        var since: Date
        var seconds_in_state: Int
        var campaign_id: Int
        var campaign: String
        var `extension`: String
        var lead: String?
    }

    func agents(_ req: Request) async throws -> [AgentLive] {
        let user = try user(req)
        let scope = try await ReportScope.of(user, on: req.db)
        let now = Date()
        return (req.application.campaignCenter?.seatBoard.seats() ?? [])
            .filter { seat in scope.agentIDs.map { $0.contains(seat.username) } ?? true }
            .map { seat in
                AgentLive(agent: seat.username, display_name: seat.displayName, team: seat.teamName, state: seat.state.rawValue,
                          reason: seat.reason?.rawValue, since: seat.since, seconds_in_state: Int(now.timeIntervalSince(seat.since)),
                          campaign_id: seat.campaignID, campaign: seat.campaignName, extension: seat.phone, lead: seat.call?.lead.name)
            }
    }

    func forceNotReady(_ req: Request) async throws -> [AgentLive] {
        let (seat, center) = try await forced(req)
        let now = Date()
        try await center.moveAgent(seat) { try $0.supervisorForcesNotReady(.other, at: now) }
        try await AuditLog.record(.agentForced, by: req.auditActor, target: seat.username, detail: "not_ready", on: req.db, logger: req.logger)
        return try await agents(req)
    }

    func forceLogout(_ req: Request) async throws -> [AgentLive] {
        let (seat, center) = try await forced(req)
        await center.logOutAgent(seat.username, bySupervisor: true)
        try await AuditLog.record(.agentForced, by: req.auditActor, target: seat.username, detail: "logout", on: req.db, logger: req.logger)
        return try await agents(req)
    }

    /// The seat of the agent named in the path, if logged in to a team in the supervisor's scope.
    private func forced(_ req: Request) async throws -> (SeatBoard.Seat, CampaignCenter) {
        let user = try user(req)
        guard let center = req.application.campaignCenter else {
            throw Abort(.serviceUnavailable, reason: "telephony is not running on this server (waihu serve started with --no-sip)")
        }
        let username = req.parameters.get("username") ?? ""
        let scope = try await ReportScope.of(user, on: req.db)
        guard let seat = center.seatBoard.seat(of: username), scope.agentIDs.map({ $0.contains(username) }) ?? true else {
            throw Abort(.notFound, reason: "no agent \(username) logged in to a team of yours")
        }
        return (seat, center)
    }

    private func user(_ req: Request) throws -> UserRecord {
        guard let user = req.auth.get(UserRecord.self) else { throw Abort(.unauthorized) }
        return user
    }
}
