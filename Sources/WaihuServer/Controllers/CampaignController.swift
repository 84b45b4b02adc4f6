import Fluent
import Foundation
import SQLKit
import Vapor
import WaihuDomain

/// 外呼任务 (feature `campaigns`): create campaigns from lead batches, upload the prompt,
/// start, pause, resume and stop them, follow their calls, and turn a broadcast's longest
/// listeners into a callback campaign for agents.
struct CampaignController {
    func register(on api: RoutesBuilder) {
        let campaigns = api.guarded(feature: .campaigns)
        campaigns.get("campaigns", use: list)
        campaigns.post("campaigns", use: create)
        campaigns.get("campaigns", ":campaignID", use: show)
        campaigns.patch("campaigns", ":campaignID", use: update)
        campaigns.on(.PUT, "campaigns", ":campaignID", "prompt", body: .collect(maxSize: "20mb"), use: prompt)
        for command in CampaignCommand.allCases {
            campaigns.post("campaigns", ":campaignID", PathComponent(stringLiteral: command.rawValue)) { req in
                try await self.control(req, command)
            }
        }
        campaigns.get("campaigns", ":campaignID", "calls", use: calls)
        campaigns.get("campaigns", ":campaignID", "leads", use: leads)
        campaigns.get("campaigns", ":campaignID", "pacing", use: pacing)
        campaigns.get("campaigns", ":campaignID", "listeners", use: listeners)
        campaigns.post("campaigns", ":campaignID", "listeners", "campaign", use: listenerCampaign)
    }

    func list(_ req: Request) async throws -> [CampaignView] {
        try await administration(req).list()
    }

    func create(_ req: Request) async throws -> Response {
        let view = try await administration(req).create(try req.decodeBody(CampaignAdministration.Draft.self))
        return try await view.encodeResponse(status: .created, for: req)
    }

    func show(_ req: Request) async throws -> CampaignView {
        try await administration(req).view(try campaignID(req))
    }

    func update(_ req: Request) async throws -> CampaignView {
        try await administration(req).update(try campaignID(req), try req.decodeBody(CampaignAdministration.Draft.self))
    }

    /// The body is the WAV file; `?kind=abandon` uploads the message abandoned customers hear.
    func prompt(_ req: Request) async throws -> CampaignView {
        let kind = CampaignAdministration.PromptKind(rawValue: req.query[String.self, at: "kind"] ?? "main") ?? .main
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw Abort(.badRequest, reason: "prompt: send the WAV file as the request body")
        }
        return try await administration(req).setPrompt(try campaignID(req), kind: kind, bytes: Array(buffer: body))
    }

    func control(_ req: Request, _ command: CampaignCommand) async throws -> CampaignView {
        let view = try await administration(req).command(try campaignID(req), command,
                                                          telephonyRunning: req.application.campaignCenter != nil)
        // Act now rather than at the next second's look at the table.
        await req.application.campaignCenter?.reconcile()
        req.application.liveHub.changed()
        return view
    }

    struct CallRow: Content {
        var call_id: String
        var lead_id: String
        var name: String?
        var number: String
        var outcome: String
        var outcome_label: String
        /// Why the call ended (`CallCause`; nil for calls recorded before causes were kept),
        /// its Chinese name and the evidence it was decided on.
        var cause: String?
        var cause_label: String?
        var evidence: String?
        var placed_at: Date
        var ended_at: Date
        var talk_s: Double
        var listened_s: Double
        var digits: String?
        var agent: String?
        var attempt: Int?
        var recording: Bool
    }

    func calls(_ req: Request) async throws -> [CallRow] {
        let campaign = try await administration(req).record(try campaignID(req), on: req.db)
        let limit = min(max(req.query[Int.self, at: "limit"] ?? 100, 1), 1000)
        return try await Self.callRows(sql: try sql(req), where: "a.campaign_id", equals: campaign.name, limit: limit)
    }

    static func callRows(sql: SQLDatabase, where column: String, equals value: String, limit: Int) async throws -> [CallRow] {
        struct Row: Decodable {
            var call_id: String; var lead_id: String; var name: String?; var number: String; var outcome: String
            var cause: String?; var evidence: String?
            var placed_at: Double; var ended_at: Double; var talk_seconds: Double; var playback_seconds: Double
            var digits: String?; var agent_id: String?; var attempt_number: Int?; var path: String?
        }
        let rows = try await sql.raw("""
            SELECT a.call_id, a.lead_id, l.name, a.number, a.outcome, a.cause, a.evidence, a.placed_at, a.ended_at, a.talk_seconds, a.playback_seconds,
                   a.digits, a.agent_id, a.attempt_number, r.path
            FROM ev_call_attempts a LEFT JOIN call_recordings r ON r.call_id = a.call_id
            LEFT JOIN leads l ON CAST(l.id AS TEXT) = a.lead_id
            WHERE \(unsafeRaw: column) = \(bind: value)
            ORDER BY a.placed_at DESC LIMIT \(unsafeRaw: String(limit))
            """).all(decoding: Row.self)
        return rows.map {
            CallRow(call_id: $0.call_id, lead_id: $0.lead_id, name: $0.name, number: PhoneMask.masked($0.number), outcome: $0.outcome,
                    outcome_label: CallOutcome(rawValue: $0.outcome)?.chineseName ?? $0.outcome,
                    cause: $0.cause, cause_label: $0.cause.flatMap(CallCause.init(rawValue:))?.chineseName, evidence: $0.evidence,
                    placed_at: Date(timeIntervalSince1970: $0.placed_at), ended_at: Date(timeIntervalSince1970: $0.ended_at),
                    talk_s: $0.talk_seconds, listened_s: $0.playback_seconds, digits: $0.digits, agent: $0.agent_id,
                    attempt: $0.attempt_number, recording: $0.path != nil)
        }
    }

    struct Listener: Content {
        var lead_id: Int
        var name: String?
        var number: String
        var listened_s: Double
        var pressed: String?
        var wanted_agent: Bool
    }

    /// A broadcast's answered leads, longest listeners first (听广告时长排名).
    func listeners(_ req: Request) async throws -> [Listener] {
        let campaign = try await administration(req).record(try campaignID(req), on: req.db)
        let minimum = req.query[Double.self, at: "min_seconds"] ?? 0
        let limit = min(max(req.query[Int.self, at: "limit"] ?? 200, 1), 100_000)
        return try await Self.listeners(of: campaign, minimum: minimum, limit: limit, sql: try sql(req))
    }

    /// `?state=waiting|dialing|wrap_up|done&reason=dnc|invalid_number|attempt_limit|settled&cause=vacant|…&batch=&page=1&per_page=50`:
    /// the campaign's leads one by one, the lifecycle's window for supervisors.
    func leads(_ req: Request) async throws -> CampaignLeadList.Page {
        let id = try campaignID(req)
        let campaign = try await administration(req).record(id, on: req.db)
        var filter = CampaignLeadList.Filter()
        if let state = req.query[String.self, at: "state"], !state.isEmpty {
            guard let value = CampaignLeadState(rawValue: state) else {
                throw Abort(.badRequest, reason: "state: '\(state)' is not one of \(CampaignLeadState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.state = value
        }
        if let reason = req.query[String.self, at: "reason"], !reason.isEmpty {
            guard let value = CampaignLeadDoneReason(rawValue: reason) else {
                throw Abort(.badRequest, reason: "reason: '\(reason)' is not one of \(CampaignLeadDoneReason.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.doneReason = value
        }
        if let cause = req.query[String.self, at: "cause"], !cause.isEmpty {
            guard let value = CallCause(rawValue: cause) else {
                throw Abort(.badRequest, reason: "cause: '\(cause)' is not one of \(CallCause.acceptedValues)")
            }
            filter.cause = value
        }
        filter.batch = req.query[String.self, at: "batch"].flatMap { $0.isEmpty ? nil : $0 }
        filter.page = req.query[Int.self, at: "page"] ?? 1
        filter.perPage = req.query[Int.self, at: "per_page"] ?? 50
        let zone = TimeZone(identifier: (try? campaign.plan.timeZone) ?? "") ?? EventTimestamp.exportTimeZone
        return try await CampaignLeadList(sql: try sql(req), campaignID: id).run(filter, today: LocalClock(timeZone: zone).dayAndHour(Date()).day)
    }

    static func listeners(of campaign: CampaignRecord, minimum: Double, limit: Int, sql: SQLDatabase) async throws -> [Listener] {
        struct Row: Decodable { var lead_id: Int; var name: String?; var phone_key: String; var listened: Double; var digits: String? }
        let transferDigits = (try? campaign.plan.transferDigits) ?? "1"
        let rows = try await sql.raw("""
            SELECT cl.lead_id AS lead_id, l.name AS name, l.phone_key AS phone_key, cl.listened_seconds AS listened,
                   (SELECT a.digits FROM ev_call_attempts a WHERE a.call_id = cl.call_id) AS digits
            FROM campaign_leads cl JOIN leads l ON l.id = cl.lead_id
            WHERE cl.campaign_id = \(bind: try campaign.requireID()) AND cl.listened_seconds IS NOT NULL
              AND cl.listened_seconds >= \(bind: minimum) AND cl.listened_seconds > 0
            ORDER BY cl.listened_seconds DESC, cl.lead_id LIMIT \(unsafeRaw: String(limit))
            """).all(decoding: Row.self)
        return rows.map {
            Listener(lead_id: $0.lead_id, name: $0.name, number: PhoneMask.masked(DatabaseLeadQueue.dialString($0.phone_key)),
                     listened_s: $0.listened, pressed: $0.digits,
                     wanted_agent: $0.digits.map { $0.contains(where: transferDigits.contains) } ?? false)
        }
    }

    struct ListenerCampaignRequest: Content {
        var name: String
        var min_seconds: Double?
        var mode: DialMode?
        var teams: [String]?
    }

    /// The callback list: a new agent campaign of the leads who listened at least `min_seconds`.
    func listenerCampaign(_ req: Request) async throws -> Response {
        let administration = try administration(req)
        let source = try await administration.record(try campaignID(req), on: req.db)
        let body = try req.decodeBody(ListenerCampaignRequest.self)
        let leads = try await Self.listeners(of: source, minimum: body.min_seconds ?? 5, limit: 100_000, sql: try sql(req)).map(\.lead_id)
        var plan = CampaignPlan(mode: body.mode ?? .preview)
        if !plan.mode.usesAgents { throw Abort(.badRequest, reason: "mode: a callback list goes to agents (preview, progressive or predictive)") }
        plan.script = "{name}您好，您刚才收听了我们的车险续保语音介绍，我是{agent}，想为您详细说明一下……"
        let view = try await administration.create(named: body.name, plan: plan, leads: leads, from: source, teams: body.teams ?? [])
        return try await view.encodeResponse(status: .created, for: req)
    }

    private func administration(_ req: Request) -> CampaignAdministration {
        CampaignAdministration(database: req.db, actor: req.auditActor, dataDirectory: req.application.waihuSettings.dataDirectory)
    }

    private func campaignID(_ req: Request) throws -> Int {
        guard let id = req.parameters.get("campaignID", as: Int.self) else { throw Abort(.notFound, reason: "no such campaign") }
        return id
    }

    private func sql(_ req: Request) throws -> SQLDatabase {
        guard let sql = req.db as? SQLDatabase else { throw Abort(.internalServerError) }
        return sql
    }
}
