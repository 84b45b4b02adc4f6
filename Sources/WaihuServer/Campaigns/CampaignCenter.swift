import Fluent
import Foundation
import SQLKit
import Vapor
import WaihuDialer
import WaihuDomain
import WaihuMedia

/// The campaigns this server dials and the agents seated at it. Once a second it reads the
/// campaigns table: a campaign set running (by a page, the CLI or another server) starts
/// dialing here, a paused one stops launching calls, a stopped one finishes its calls and
/// ends. Several servers may run the same campaign: each lead is claimed by exactly one.
actor CampaignCenter {
    private struct Running {
        var name: String
        var plan: CampaignPlan
        var control: CampaignControl
        var task: Task<Void, Never>
        var agentRunner: AgentCampaignRunner?
        var queue: DatabaseLeadQueue
    }

    nonisolated let seatBoard: SeatBoard
    let application: Application
    let engine: TelephonyEngine
    let node: String
    let clock: LocalClock
    private var running: [Int: Running] = [:]
    private var loop: Task<Void, Never>?

    init(application: Application, engine: TelephonyEngine, clock: LocalClock = LocalClock()) {
        self.application = application
        self.engine = engine
        self.node = application.waihuSettings.nodeName
        self.clock = clock
        self.seatBoard = SeatBoard(application: application, clock: clock)
    }

    /// Puts right the calls a crash interrupted, then starts following the campaigns table.
    static func start(_ application: Application, engine: TelephonyEngine) async throws -> CampaignCenter {
        let center = CampaignCenter(application: application, engine: engine)
        let recovered = try await CampaignCallLog.recoverInterruptedCalls(on: application.db, node: center.node, clock: center.clock)
        if recovered > 0 {
            application.logger.warning("calls interrupted by the last stop recorded as failed", metadata: ["calls": .string("\(recovered)")])
        }
        await center.follow()
        return center
    }

    private func follow() {
        loop = Task { [weak self] in
            while !Task.isCancelled {
                await self?.reconcile()
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Stops dialing (calls up are hung up by the engine's shutdown afterwards).
    func shutdown() async {
        loop?.cancel()
        for campaign in running.values { await campaign.control.stop() }
    }

    /// Waits for the runners to record their last calls, then for the seat board's events.
    func drain() async {
        for campaign in running.values { await campaign.task.value }
        await seatBoard.shutdown()
    }

    // MARK: - Following the campaigns table

    func reconcile() async {
        let campaigns: [CampaignRecord]
        do {
            campaigns = try await CampaignRecord.query(on: application.db).all()
        } catch {
            application.logger.warning("could not read campaigns", metadata: ["error": .string("\(error)")])
            return
        }
        for campaign in campaigns {
            guard let id = campaign.id else { continue }
            let status = campaign.campaignStatus
            if let current = running[id] {
                switch status {
                case .running: await current.control.resume()
                case .paused: await current.control.pause()
                default: await current.control.stop()
                }
            } else if status == .running || status == .paused {
                do {
                    try await launch(campaign, id: id, paused: status == .paused)
                } catch {
                    application.logger.error("campaign could not start", metadata: ["campaign": .string(campaign.name),
                                                                                   "error": .string("\(error)")])
                    campaign.status = CampaignStatus.stopped.rawValue
                    try? await campaign.save(on: application.db)
                }
            }
        }
        for (id, campaign) in running where !campaigns.contains(where: { $0.id == id }) {
            await campaign.control.stop()
        }
        await pushCampaignChangesToDesks(campaigns)
    }

    /// What the desks show of the campaigns (which exist, their state, whose teams work
    /// them) as it was at the last look.
    private var deskSignature: String?

    /// A campaign started, paused, stopped, renamed or given other teams — by a page, the CLI
    /// or another server: every open desk looks again at once (a desk whose view did not
    /// change sends a keep-alive only). Called after each look at the campaigns table, so the
    /// desks learn within a second, and at once after a change through this server's API.
    private func pushCampaignChangesToDesks(_ campaigns: [CampaignRecord]) async {
        var parts = campaigns.map { "\($0.id ?? 0):\($0.status):\($0.name):\($0.mode)" }.sorted()
        if let sql = application.db as? SQLDatabase,
           let rows = try? await sql.raw("SELECT campaign_id, team_id FROM campaign_teams").all() {
            parts += rows.map { row in
                "t\((try? row.decode(column: "campaign_id", as: Int.self)) ?? 0):\((try? row.decode(column: "team_id", as: UUID.self))?.uuidString ?? "")"
            }.sorted()
        }
        let signature = parts.joined(separator: "|")
        defer { deskSignature = signature }
        guard let last = deskSignature, last != signature else { return }
        seatBoard.notifyAll()
    }

    private func launch(_ campaign: CampaignRecord, id: Int, paused: Bool) async throws {
        let plan = try campaign.plan
        let db = application.db
        let trunkRecord = try await TelephonyAdministration(database: db, actor: .console()).trunkForCall(named: campaign.trunk)
        let trunk = TestCall.TrunkSnapshot(trunkRecord)
        let route: @Sendable (CampaignLead) -> OutboundCallRequest.Target = { lead in
            .trunk(number: lead.number, host: trunk.host, port: trunk.port, credentials: trunk.credentials)
        }
        let callerID = campaign.callerID ?? trunk.callerID
        let data = application.waihuSettings.dataDirectory
        let recordings = URL(fileURLWithPath: (data as NSString).appendingPathComponent("recordings/campaign-\(id)"))
        try FileManager.default.createDirectory(at: recordings, withIntermediateDirectories: true)
        let prompts = (data as NSString).appendingPathComponent("prompts")
        let abandonPath = CampaignAdministration.promptPath(folder: prompts, campaign: id, kind: .abandon)
        let abandonMessage = (try? WAVFile(contentsOf: URL(fileURLWithPath: abandonPath))) ?? Self.defaultAbandonMessage
        let seatBoard = self.seatBoard
        // A personal callback waits for its agent: the queue asks who is ready right now.
        let queue = DatabaseLeadQueue(database: db, campaignID: id, plan: plan, node: node, readyAgents: {
            seatBoard.seats(campaign: id, state: .ready).map { .init(username: $0.username, team: $0.teamName, phone: $0.phone) }
        })
        let control = CampaignControl()
        if paused { await control.pause() }
        let log = CampaignCallLog(database: db, campaignID: id, campaignName: campaign.name, plan: plan, clock: clock)
        let logger = application.logger
        let hub = application.liveHub
        let name = campaign.name

        var agentRunner: AgentCampaignRunner?
        let task: Task<Void, Never>
        if plan.mode == .broadcast || plan.mode == .cleanse {
            // A number check plays nothing: its prompt is never used.
            let prompt: WAVFile
            if plan.mode == .cleanse {
                prompt = WAVFile(encoding: .pcm16, samples: [])
            } else {
                guard let file = campaign.prompt else { throw Abort(.conflict, reason: "no prompt") }
                prompt = try WAVFile(contentsOf: URL(fileURLWithPath: (prompts as NSString).appendingPathComponent(file)))
            }
            var settings = BroadcastSettings(
                prompt: prompt, transferDigits: Set(plan.transferDigits), noAgentPrompt: abandonMessage,
                maxConcurrentCalls: plan.maxConcurrentCalls ?? trunkRecord.maxConcurrent,
                callsPerSecond: plan.callsPerSecond ?? Double(trunkRecord.maxPerSecond),
                ringTimeout: .seconds(plan.ringTimeoutSeconds), callerID: callerID, recordingDirectory: recordings,
                trunk: trunk.pool)
            settings.checksNumbersOnly = plan.mode == .cleanse
            let pool = SeatTransferPool(seatBoard: seatBoard, campaignID: id, campaignName: name, script: plan.script,
                                        wrapUp: .seconds(plan.wrapUpSeconds), database: db, logger: application.logger)
            let runner = BroadcastCampaignRunner(engine: engine, settings: settings, agents: plan.mode == .cleanse ? nil : pool,
                                                 route: route)
            task = Task { [weak self] in
                do {
                    try await runner.run(queue: queue, control: control) { result in
                        let agent = result.agentPhone.flatMap { seatBoard.seat(ofPhone: $0)?.username }
                        await Self.store(result, agent: agent, log: log, logger: logger, hub: hub)
                    }
                } catch {
                    logger.error("broadcast campaign stopped", metadata: ["campaign": .string(name), "error": .string("\(error)")])
                }
                await self?.ended(id, control: control)
            }
        } else {
            var settings = AgentCampaignSettings(
                callerID: callerID, ringTimeout: .seconds(plan.ringTimeoutSeconds),
                connectGrace: .milliseconds(Int(plan.abandonCap.connectGrace * 1000)), abandonMessage: abandonMessage,
                wrapUpLimit: .seconds(plan.wrapUpSeconds), recordingDirectory: recordings,
                clock: LocalClock(timeZone: TimeZone(identifier: plan.timeZone) ?? EventTimestamp.exportTimeZone))
            settings.admission = Self.admission(trunk: trunk.pool, plan: plan, campaign: id)
            let runner = AgentCampaignRunner(
                engine: engine, settings: settings, pacer: try await Self.startingPacer(for: plan, campaign: id, name: name, clock: settings.clock, on: db,
                                                   logger: logger),
                queue: queue, control: control, route: route,
                onScreenPop: { pop in
                    await Self.pop(pop, seatBoard: seatBoard, campaignID: id, script: plan.script, database: db, logger: logger)
                },
                // Synchronous and in the runner's order: the seat board never shows an older state.
                onAgentMove: { phone, machine, actions in seatBoard.runnerMoved(phone: phone, machine, actions) },
                onResult: { result in
                    let agent = result.agentPhone.flatMap { seatBoard.seat(ofPhone: $0)?.username }
                    await Self.store(result, agent: agent, log: log, logger: logger, hub: hub)
                    if let agent { seatBoard.update(agent) { seat in if seat.call?.call_id == result.lead.callID { seat.call?.ended_at = result.endedAt } } }
                })
            agentRunner = runner
            task = Task { [weak self] in
                do { try await runner.run() } catch {
                    logger.error("agent campaign stopped", metadata: ["campaign": .string(name), "error": .string("\(error)")])
                }
                await self?.ended(id, control: control)
            }
        }
        running[id] = Running(name: name, plan: plan, control: control, task: task, agentRunner: agentRunner, queue: queue)
        logger.info("campaign dialing", metadata: ["campaign": .string(name), "mode": .string(plan.mode.rawValue)])
    }

    private static func store(_ call: CampaignCallResult, agent: String?, log: CampaignCallLog, logger: Logger, hub: LiveHub) async {
        do {
            try await log.record(call, agent: agent)
            hub.changed()
        } catch {
            logger.error("could not record a call", metadata: ["call": .string(call.lead.callID), "error": .string("\(error)")])
        }
    }

    private static func pop(_ pop: ScreenPop, seatBoard: SeatBoard, campaignID: Int, script: String, database: Database,
                            logger: Logger) async {
        guard let seat = seatBoard.seat(ofPhone: pop.agentPhone) else { return }
        do {
            let call = try await DesktopCall.load(leadID: Int(pop.lead.id), callID: pop.lead.callID, campaignID: campaignID,
                                               script: script, agentName: seat.displayName, preview: false, on: database)
            seatBoard.update(seat.username) { $0.call = call }
        } catch {
            logger.error("screen pop failed", metadata: ["lead": .string("\(pop.lead.id)"), "error": .string("\(error)")])
        }
    }

    /// The runner returned: the queue is finished, or the campaign was stopped.
    private func ended(_ id: Int, control: CampaignControl) async {
        guard running[id]?.control === control else { return }
        running[id] = nil
        let now = Date()
        for seat in seatBoard.seats() where seat.campaignID == id { _ = try? seatBoard.move(seat.username) { try $0.logOut(at: now) } }
        if let campaign = try? await CampaignRecord.find(id, on: application.db), campaign.campaignStatus == .running {
            campaign.status = CampaignStatus.finished.rawValue
            campaign.finishedAt = Date()
            try? await campaign.save(on: application.db)
            application.logger.info("campaign finished", metadata: ["campaign": .string(campaign.name)])
        }
        application.liveHub.changed()
    }

    /// The pools an agent campaign's calls wait for: the trunk's, shared with every campaign
    /// and test call on it, and the campaign's own share when its plan sets one.
    static func admission(trunk: CallPool, plan: CampaignPlan, campaign id: Int) -> CallAdmission {
        var pools = [trunk]
        if plan.maxConcurrentCalls != nil || plan.callsPerSecond != nil {
            pools.append(CallPool(name: "campaign:\(id)",
                                  limit: CallLimit(maxConcurrent: plan.maxConcurrentCalls, callsPerSecond: plan.callsPerSecond)))
        }
        return CallAdmission(pools: pools)
    }

    static func pacer(for plan: CampaignPlan, history: PacingHistory = PacingHistory(), hour: Int = 0) throws -> any DialPacer {
        switch plan.mode {
        case .preview, .broadcast, .cleanse: return PreviewPacer()
        case .progressive: return ProgressivePacer()
        case .fixedRatio: return try FixedRatioPacer(ratio: plan.dialRatio)
        case .predictive:
            return PredictivePacer(configuration: PredictivePacerConfiguration(
                cap: plan.abandonCap, priors: history.priors(hour: hour), ledger: history.ledger))
        }
    }

    /// A predictive campaign starts warm, from the history of its lists, its teams and its own
    /// earlier runs (`PacingHistoryQuery`); a history that cannot be read costs only the warm
    /// start, never the campaign.
    static func startingPacer(for plan: CampaignPlan, campaign id: Int, name: String, clock: LocalClock, on db: Database,
                              logger: Logger) async throws -> any DialPacer {
        guard plan.mode == .predictive, let sql = db as? SQLDatabase else { return try Self.pacer(for: plan) }
        do {
            let history = try await PacingHistoryQuery(sql: sql, campaignID: id, campaignName: name, clock: clock).load()
            let hour = clock.dayAndHour(Date()).hour
            logger.info("predictive pacer starts", metadata: [
                "campaign": .string(name), "warm": .string("\(history.isEnough)"), "history_dials": .string("\(history.dials)"),
                "answer_probability": .string(history.answerProbability(hour: hour).map { String(format: "%.3f", $0) } ?? "-"),
            ])
            return try Self.pacer(for: plan, history: history, hour: hour)
        } catch {
            logger.warning("pacing history unreadable; the campaign starts cold",
                                       metadata: ["campaign": .string(name), "error": .string("\(error)")])
            return try Self.pacer(for: plan)
        }
    }

    /// Played to an abandoned customer when the campaign has no recorded message of its own:
    /// three short tones, so the line never goes dead without a sound.
    static let defaultAbandonMessage: WAVFile = {
        var samples: [Int16] = []
        for beep in 0..<3 {
            for n in 0..<2400 { samples.append(Int16(6000 * sin(2 * Double.pi * 450 * Double(n) / 8000))) }
            if beep < 2 { samples += [Int16](repeating: 0, count: 1600) }
        }
        return WAVFile(encoding: .pcm16, samples: samples)
    }()

    // MARK: - For the agent desktop

    func isRunning(_ id: Int) -> Bool { running[id] != nil }
    func agentRunner(_ id: Int) -> AgentCampaignRunner? { running[id]?.agentRunner }
    func queue(_ id: Int) -> DatabaseLeadQueue? { running[id]?.queue }
    func plan(_ id: Int) -> CampaignPlan? { running[id]?.plan }
}
