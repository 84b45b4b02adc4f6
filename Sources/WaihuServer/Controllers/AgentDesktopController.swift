import Fluent
import Foundation
import NIOCore
import SQLKit
import Vapor
import WaihuDialer
import WaihuDomain

/// 座席工作台 (feature `desktop`): log in to a campaign with a registered phone, ready and
/// not ready, the screen pop pushed over server-sent events, dispositions, preview dialing.
/// Every change of the agent's state is an `AgentStateMachine` event (`CampaignCenter.moveAgent`);
/// the wallboard's view of the agents is `WallboardAgentsController`.
struct AgentDesktopController {
    func register(on api: RoutesBuilder) {
        let desktop = api.guarded(feature: .agentDesktop)
        desktop.get("desk", use: show)
        desktop.get("desk", "stream", use: stream)
        desktop.post("desk", "login", use: login)
        desktop.post("desk", "logout", use: logout)
        desktop.post("desk", "ready", use: ready)
        desktop.post("desk", "not-ready", use: notReady)
        desktop.post("desk", "dispositions", use: dispose)
        desktop.post("desk", "preview", "next", use: previewNext)
        desktop.post("desk", "preview", "dial", use: previewDial)
        desktop.post("desk", "preview", "skip", use: previewSkip)
    }

    // MARK: - The agent's own desk

    func show(_ req: Request) async throws -> AgentDesktopView {
        try await view(req, user: try user(req))
    }

    struct LoginRequest: Content {
        var campaign_id: Int
        var `extension`: String
    }

    func login(_ req: Request) async throws -> AgentDesktopView {
        let user = try user(req)
        let body = try req.decodeBody(LoginRequest.self)
        let center = try center(req)
        guard try await AgentDesktopView.availableCampaigns(for: user, on: req.db).contains(where: { $0.id == body.campaign_id }),
              let campaign = try await CampaignRecord.find(body.campaign_id, on: req.db) else {
            throw Abort(.notFound, reason: "campaign_id: no running campaign \(body.campaign_id) for you")
        }
        guard await center.isRunning(body.campaign_id) else {
            throw Abort(.conflict, reason: "campaign \(campaign.name) is not running on this server yet; try again in a second")
        }
        guard let phone = try await PhoneRecord.query(on: req.db).filter(\.$phoneExtension == body.extension).first() else {
            throw Abort(.badRequest, reason: "extension: no phone \(body.extension)")
        }
        if let owner = phone.$agent.id, owner != user.id {
            throw Abort(.forbidden, reason: "extension: phone \(body.extension) belongs to another agent")
        }
        try await requireRegistered(body.extension, center: center)
        if let holder = center.seatBoard.seat(ofPhone: body.extension), holder.username != user.username {
            throw Abort(.conflict, reason: "extension: phone \(body.extension) is in use by \(holder.username)")
        }
        if center.seatBoard.seat(of: user.username) != nil { try await leave(user.username, center: center) }
        let team = try await user.$team.get(on: req.db)
        let seat = SeatBoard.Seat(
            username: user.username, displayName: user.displayName.isEmpty ? user.username : user.displayName,
            teamID: team?.id, teamName: team?.name,
            phone: body.extension, campaignID: body.campaign_id, campaignName: campaign.name,
            mode: DialMode(rawValue: campaign.mode) ?? .progressive)
        center.seatBoard.seatAgent(seat)
        let now = Date()
        do {
            try await move(seat, center: center) { try $0.logIn(at: now) }
        } catch {
            center.seatBoard.unseatIfLoggedOut(user.username)
            throw error
        }
        if let team, let sql = req.db as? SQLDatabase {
            // The reports find an agent's team here (group_by=team, a supervisor's scope).
            try await sql.delete(from: EventTable.agentTeams.name).where("agent_id", .equal, user.username).run()
            try await sql.insert(into: EventTable.agentTeams.name).columns("agent_id", "team_id")
                .values(SQLBind(user.username), SQLBind(team.name)).run()
        }
        return try await view(req, user: user)
    }

    func logout(_ req: Request) async throws -> AgentDesktopView {
        let user = try user(req)
        try await leave(user.username, center: try center(req))
        return try await view(req, user: user)
    }

    func ready(_ req: Request) async throws -> AgentDesktopView {
        let user = try user(req)
        let center = try center(req)
        let seat = try seat(user.username, center: center)
        try await requireRegistered(seat.phone, center: center)
        let now = Date()
        try await move(seat, center: center) { try $0.ready(at: now) }
        return try await view(req, user: user)
    }

    struct NotReadyRequest: Content {
        var reason: String?
    }

    func notReady(_ req: Request) async throws -> AgentDesktopView {
        let user = try user(req)
        let center = try center(req)
        let body = try req.decodeBody(NotReadyRequest.self)
        let reason = try notReadyReason(body.reason)
        let now = Date()
        try await move(try seat(user.username, center: center), center: center) { try $0.notReady(reason, at: now) }
        return try await view(req, user: user)
    }

    func dispose(_ req: Request) async throws -> AgentDesktopView {
        let user = try user(req)
        let center = try center(req)
        let body = try req.decodeBody(DispositionRecorder.Request.self)
        _ = try await DispositionRecorder(database: req.db, clock: center.seatBoard.clock).save(body, agent: user.username, actor: req.auditActor)
        req.application.liveHub.changed()
        if let seat = center.seatBoard.seat(of: user.username) {
            if seat.call?.call_id == body.call_id { center.seatBoard.update(user.username) { $0.call = nil } }
            // Out of wrap-up: ready, or not ready if that was asked during the call.
            let now = Date()
            try await move(seat, center: center) { $0.dispositionSaved(at: now) }
        }
        return try await view(req, user: user)
    }

    // MARK: - Preview (预览外呼)

    func previewNext(_ req: Request) async throws -> AgentDesktopView {
        let user = try user(req)
        let center = try center(req)
        let seat = try seat(user.username, center: center)
        guard seat.mode == .preview else { throw Abort(.conflict, reason: "this is not a preview campaign") }
        guard seat.previewLead == nil, seat.call == nil else {
            throw Abort(.conflict, reason: "finish the lead on your screen first (dial or skip it, or save its disposition)")
        }
        guard seat.state == .ready else { throw Abort(.conflict, reason: "go ready first") }
        guard let queue = await center.queue(seat.campaignID), let plan = await center.plan(seat.campaignID) else {
            throw Abort(.conflict, reason: "the campaign is not running")
        }
        // The agent's own personal callbacks come to them; other agents' wait for those agents.
        switch try await queue.nextLead(for: .init(username: seat.username, team: seat.teamName, phone: seat.phone)) {
        case .lead(let lead):
            let call = try await DesktopCall.load(leadID: Int(lead.id), callID: lead.callID, campaignID: seat.campaignID, script: plan.script,
                                               agentName: seat.displayName, preview: true, on: req.db)
            center.seatBoard.update(user.username) { seat in
                seat.previewLead = lead
                seat.call = call
            }
        case .notNow:
            let view = try await CampaignAdministration(database: req.db, actor: req.auditActor,
                                                        dataDirectory: req.application.waihuSettings.dataDirectory).view(seat.campaignID)
            let why = view.shortage.reasons.first.map { "\($0.label)（\($0.leads)）" } ?? "waiting for retries"
            throw Abort(.conflict, reason: "no lead can be dialed now: \(why)")
        case .finished:
            throw Abort(.conflict, reason: "every lead of this campaign is settled")
        }
        return try await view(req, user: user)
    }

    func previewDial(_ req: Request) async throws -> AgentDesktopView {
        let user = try user(req)
        let center = try center(req)
        let seat = try seat(user.username, center: center)
        guard let lead = seat.previewLead else { throw Abort(.conflict, reason: "no previewed lead: take the next one first") }
        try await requireRegistered(seat.phone, center: center)
        guard let runner = await center.agentRunner(seat.campaignID) else { throw Abort(.conflict, reason: "the campaign is not running") }
        do {
            try await runner.dial(lead, forAgent: seat.phone)
        } catch let error as AgentTransitionError {
            throw Abort(.conflict, reason: error.description)
        }
        center.seatBoard.update(user.username) { $0.previewLead = nil }
        return try await view(req, user: user)
    }

    func previewSkip(_ req: Request) async throws -> AgentDesktopView {
        let user = try user(req)
        let center = try center(req)
        let seat = try seat(user.username, center: center)
        guard let lead = seat.previewLead else { throw Abort(.conflict, reason: "no previewed lead to skip") }
        try await CampaignCallLog.releaseClaim(callID: lead.callID, on: req.db)
        center.seatBoard.update(user.username) { seat in
            seat.previewLead = nil
            seat.call = nil
        }
        return try await view(req, user: user)
    }

    // MARK: - The stream

    /// `text/event-stream`: `event: desk` with the `AgentDesktopView` at once and after every change
    /// of this agent's desk, and a comment every 15 s. The desktop renders what it is sent:
    /// a browser that throttles timers in a background tab still gets every screen pop.
    func stream(_ req: Request) async throws -> Response {
        let user = try user(req)
        try ServerSentEvents.requireEventStreamClient(req, snapshot: "/api/v1/desk")
        let updates = req.application.campaignCenter?.seatBoard.watch(user.username)
        let closing = req.application.liveHub.updates()
        let controller = self
        return ServerSentEvents.response(event: "desk", logger: req.logger, wakers: { waker in
            let forward = Task {
                if let updates { for await _ in updates { waker.yield() } }
                waker.finish()  // the server is stopping
            }
            let stopping = Task {
                for await _ in closing {}
                waker.finish()
            }
            let keepAlive = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(15))
                    waker.yield()
                }
            }
            return [forward, stopping, keepAlive]
        }, render: {
            try .init(try await controller.view(req, user: user))
        })
    }

    // MARK: - Helpers

    /// One event of the agent's state machine (which decides it), where it lives.
    private func move(_ seat: SeatBoard.Seat, center: CampaignCenter,
                      _ event: @Sendable (inout AgentStateMachine) throws -> [AgentAction]) async throws {
        try await center.moveAgent(seat, event)
    }

    private func leave(_ username: String, center: CampaignCenter) async throws {
        await center.logOutAgent(username)
    }

    private func notReadyReason(_ text: String?) throws -> NotReadyReason {
        guard let text, !text.isEmpty else { return .other }
        guard let reason = NotReadyReason(rawValue: text) else {
            throw Abort(.badRequest, reason: "reason: '\(text)' is not one of \(NotReadyReason.acceptedValues)")
        }
        return reason
    }

    private func requireRegistered(_ phone: String, center: CampaignCenter) async throws {
        guard await center.engine.registration(ofExtension: phone) != nil else {
            throw Abort(.conflict, reason: "phone \(phone) is not registered: start the SIP phone and let it register to waihu first (分机未注册)")
        }
    }

    private func seat(_ username: String, center: CampaignCenter) throws -> SeatBoard.Seat {
        guard let seat = center.seatBoard.seat(of: username) else { throw Abort(.conflict, reason: "log in to a campaign first") }
        return seat
    }

    private func user(_ req: Request) throws -> UserRecord {
        guard let user = req.auth.get(UserRecord.self) else { throw Abort(.unauthorized) }
        return user
    }

    private func center(_ req: Request) throws -> CampaignCenter {
        guard let center = req.application.campaignCenter else {
            throw Abort(.serviceUnavailable, reason: "telephony is not running on this server (waihu serve started with --no-sip)")
        }
        return center
    }

    func view(_ req: Request, user: UserRecord) async throws -> AgentDesktopView {
        let center = req.application.campaignCenter
        let seat = center?.seatBoard.seat(of: user.username)
        let pending = try await AgentDesktopView.pending(of: user.username, on: req.db)
        var campaign: AgentDesktopView.Campaign?
        if let seat, let record = try await CampaignRecord.find(seat.campaignID, on: req.db) {
            campaign = AgentDesktopView.Campaign(id: seat.campaignID, name: record.name, mode: record.mode, dispositions: (try? record.plan)?.dispositions)
        }
        var call = seat?.call
        if call == nil, let first = pending.first, let seat {
            // After a reload or a restart: the call still waiting for its disposition.
            let script = (try? await CampaignRecord.find(seat.campaignID, on: req.db)?.plan.script) ?? nil
            if var pendingCall = try? await DesktopCall.load(leadID: first.lead_id, callID: first.call_id, campaignID: seat.campaignID,
                                                         script: script ?? "", agentName: user.displayName, preview: false, on: req.db) {
                pendingCall.answered_at = nil
                pendingCall.ended_at = pendingCall.history.first?.at ?? Date(timeIntervalSince1970: 0)
                call = pendingCall
            }
        }
        var registered = false
        if let seat, let center { registered = await center.engine.registration(ofExtension: seat.phone) != nil }
        return AgentDesktopView(agent: user.username, display_name: user.displayName, state: (seat?.state ?? .loggedOut).rawValue,
                        reason: seat?.reason?.rawValue, since: seat?.since, extension: seat?.phone, registered: registered,
                        not_ready_after_call: seat?.notReadyAfterCall?.rawValue, campaign: campaign,
                        campaigns: try await AgentDesktopView.availableCampaigns(for: user, on: req.db), call: call, pending: pending)
    }
}
