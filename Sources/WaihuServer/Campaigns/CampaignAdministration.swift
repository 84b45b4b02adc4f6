import Fluent
import Foundation
import SQLKit
import Vapor
import WaihuDialer
import WaihuDomain
import WaihuMedia

/// Creates, changes and controls campaigns; the API and the CLI both come here. Every
/// change is audited. A campaign is made from lead batches: its leads are copied into
/// `campaign_leads` once, and the batches are assigned to the campaign's teams so that
/// their agents may see and edit those leads.
public struct CampaignAdministration: Sendable {
    let database: Database
    let actor: AuditActor
    /// Where prompts are kept (`<data>/prompts`).
    let promptFolder: String
    let clock: LocalClock

    public init(database: Database, actor: AuditActor, dataDirectory: String, clock: LocalClock = LocalClock()) {
        self.database = database
        self.actor = actor
        self.promptFolder = (dataDirectory as NSString).appendingPathComponent("prompts")
        self.clock = clock
    }

    public struct Draft: Content {
        public init(name: String? = nil, plan: CampaignPlan? = nil, batches: [String]? = nil, teams: [String]? = nil,
                    trunk: String? = nil, caller_id: String? = nil) {
            self.name = name
            self.plan = plan
            self.batches = batches
            self.teams = teams
            self.trunk = trunk
            self.caller_id = caller_id
        }

        var name: String?
        var plan: CampaignPlan?
        var batches: [String]?
        var teams: [String]?
        var trunk: String?
        var caller_id: String?
    }

    public enum PromptKind: String, Sendable {
        /// The ad of a voice broadcast.
        case main
        /// The message an abandoned customer hears.
        case abandon
    }

    // MARK: - Create and change

    public func create(_ draft: Draft, now: Date = Date()) async throws -> CampaignView {
        let name = (draft.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 60 else { throw Abort(.badRequest, reason: "name: 1 to 60 characters") }
        guard let plan = draft.plan else { throw Abort(.badRequest, reason: "plan: required, at least {\"mode\": …}") }
        try check(plan, hasPrompt: true)
        try await requireAllowed(plan.mode)
        let batchNames = draft.batches ?? []
        guard !batchNames.isEmpty else { throw Abort(.badRequest, reason: "batches: name at least one lead batch") }
        let id: Int = try await WriteRetry.transaction(on: database) { db in
            guard let sql = db as? SQLDatabase else { throw EventStoreError.notSQL }
            if try await CampaignRecord.query(on: db).filter(\.$name == name).first() != nil {
                throw Abort(.conflict, reason: "name: a campaign named \(name) exists")
            }
            let batches = try await batchIDs(batchNames, on: db)
            let teams = try await teamIDs(draft.teams ?? [], on: db)
            if let trunk = draft.trunk, !trunk.isEmpty { try await requireTrunk(trunk, on: db) }
            let campaign = try CampaignRecord(name: name, plan: plan, trunk: draft.trunk.flatMap { $0.isEmpty ? nil : $0 },
                                              callerID: draft.caller_id.flatMap { $0.isEmpty ? nil : $0 },
                                              createdBy: actor.name, createdAt: now)
            try await campaign.create(on: db)
            let id = try campaign.requireID()
            for batch in batches {
                try await sql.insert(into: "campaign_batches").columns("campaign_id", "batch_id").values(SQLBind(id), SQLBind(batch)).run()
            }
            try await assign(teams, campaign: id, batches: batches, on: sql)
            // Leads already settled elsewhere (sold, refused, invalid, closed) are not dialed again.
            try await CampaignLeadStore(sql: sql).enroll(campaignID: id, batches: batches)
            try await AuditLog.record(.campaignCreated, by: actor, target: name,
                                      detail: "mode=\(plan.mode.rawValue) batches=\(batchNames.joined(separator: ","))", on: db)
            return id
        }
        return try await view(id)
    }

    /// Creates a campaign of the given leads (the callback list made of a broadcast's
    /// longest listeners).
    func create(named name: String, plan: CampaignPlan, leads: [Int], from source: CampaignRecord, teams: [String],
                now: Date = Date()) async throws -> CampaignView {
        guard !leads.isEmpty else { throw Abort(.conflict, reason: "no lead listened long enough") }
        try check(plan, hasPrompt: true)
        let id: Int = try await WriteRetry.transaction(on: database) { db in
            guard let sql = db as? SQLDatabase else { throw EventStoreError.notSQL }
            if try await CampaignRecord.query(on: db).filter(\.$name == name).first() != nil {
                throw Abort(.conflict, reason: "name: a campaign named \(name) exists")
            }
            let teamIDs = try await teamIDs(teams, on: db)
            let campaign = try CampaignRecord(name: name, plan: plan, trunk: source.trunk, callerID: source.callerID,
                                              createdBy: actor.name, createdAt: now)
            try await campaign.create(on: db)
            let id = try campaign.requireID()
            let batches = try await sql.raw("SELECT batch_id FROM campaign_batches WHERE campaign_id = \(bind: try source.requireID())")
                .all().map { try $0.decode(column: "batch_id", as: Int.self) }
            for batch in batches {
                try await sql.insert(into: "campaign_batches").columns("campaign_id", "batch_id").values(SQLBind(id), SQLBind(batch)).run()
            }
            try await assign(teamIDs, campaign: id, batches: batches, on: sql)
            try await CampaignLeadStore(sql: sql).enroll(campaignID: id, leads: leads)
            try await AuditLog.record(.campaignCreated, by: actor, target: name,
                                      detail: "mode=\(plan.mode.rawValue) from=\(source.name) leads=\(leads.count)", on: db)
            return id
        }
        return try await view(id)
    }

    public func update(_ id: Int, _ draft: Draft) async throws -> CampaignView {
        if let plan = draft.plan { try await requireAllowed(plan.mode) }
        try await WriteRetry.transaction(on: database) { db in
            guard let sql = db as? SQLDatabase else { throw EventStoreError.notSQL }
            let campaign = try await record(id, on: db)
            guard campaign.campaignStatus != .running else {
                throw Abort(.conflict, reason: "pause or stop the campaign before changing it")
            }
            var changes: [String] = []
            if let plan = draft.plan {
                try check(plan, hasPrompt: true)
                if (try? campaign.plan.mode) != plan.mode, campaign.campaignStatus != .draft {
                    throw Abort(.conflict, reason: "plan.mode: the mode of a started campaign cannot change")
                }
                try campaign.setPlan(plan)
                changes.append("plan")
            }
            if let trunk = draft.trunk {
                if !trunk.isEmpty { try await requireTrunk(trunk, on: db) }
                campaign.trunk = trunk.isEmpty ? nil : trunk
                changes.append("trunk=\(trunk)")
            }
            if let callerID = draft.caller_id {
                campaign.callerID = callerID.isEmpty ? nil : callerID
                changes.append("caller_id=\(callerID)")
            }
            try await campaign.save(on: db)
            if let teams = draft.teams {
                let ids = try await teamIDs(teams, on: db)
                try await sql.delete(from: "campaign_teams").where("campaign_id", .equal, id).run()
                let batches = try await sql.raw("SELECT batch_id FROM campaign_batches WHERE campaign_id = \(bind: id)")
                    .all().map { try $0.decode(column: "batch_id", as: Int.self) }
                try await assign(ids, campaign: id, batches: batches, on: sql)
                changes.append("teams=\(teams.joined(separator: ","))")
            }
            try await AuditLog.record(.campaignChanged, by: actor, target: campaign.name, detail: changes.joined(separator: " "), on: db)
        }
        return try await view(id)
    }

    /// Stores an uploaded prompt after checking it plays (8 kHz mono WAV: PCM16, A-law or µ-law).
    public func setPrompt(_ id: Int, kind: PromptKind, bytes: [UInt8]) async throws -> CampaignView {
        let wav: WAVFile
        do {
            wav = try WAVFile(bytes: bytes)
        } catch let error as WAVError {
            throw Abort(.unsupportedMediaType, reason: "prompt: \(error.description)")
        }
        guard wav.samples.count >= 800 else { throw Abort(.badRequest, reason: "prompt: shorter than 0.1 s") }
        let campaign = try await record(id, on: database)
        try FileManager.default.createDirectory(atPath: promptFolder, withIntermediateDirectories: true)
        let path = Self.promptPath(folder: promptFolder, campaign: id, kind: kind)
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        if kind == .main {
            campaign.prompt = (path as NSString).lastPathComponent
            campaign.promptSeconds = Double(wav.samples.count) / 8000
            try await campaign.save(on: database)
        }
        try await AuditLog.record(.campaignChanged, by: actor, target: campaign.name,
                                  detail: "prompt \(kind.rawValue) \(String(format: "%.1f", Double(wav.samples.count) / 8000)) s", on: database)
        return try await view(id)
    }

    /// Seconds of the stored recording of this kind (the ad, or the abandoned-call message);
    /// nil when none was uploaded.
    public func promptSeconds(_ id: Int, kind: PromptKind) -> Double? {
        let path = Self.promptPath(folder: promptFolder, campaign: id, kind: kind)
        guard let wav = try? WAVFile(contentsOf: URL(fileURLWithPath: path)) else { return nil }
        return Double(wav.samples.count) / 8000
    }

    static func promptPath(folder: String, campaign: Int, kind: PromptKind) -> String {
        (folder as NSString).appendingPathComponent("campaign-\(campaign)-\(kind.rawValue).wav")
    }

    // MARK: - Control

    /// Start, pause, resume or stop. Starting checks everything a campaign needs to dial,
    /// and refuses with the first thing missing; the dialer of every server picks the new
    /// status up within a second.
    public func command(_ id: Int, _ command: CampaignCommand, telephonyRunning: Bool, now: Date = Date()) async throws -> CampaignView {
        let campaign = try await record(id, on: database)
        let status = campaign.campaignStatus
        guard let next = status.after(command) else {
            throw Abort(.conflict, reason: "cannot \(command.rawValue) a campaign that is \(status.rawValue) (\(status.chineseName))")
        }
        if command == .start || command == .resume {
            // The setting is read again: an admin may have turned number checks off since.
            try await requireAllowed(try campaign.plan.mode)
            try await checkCanDial(campaign, telephonyRunning: telephonyRunning)
        }
        campaign.status = next.rawValue
        if command == .start { campaign.startedAt = now }
        try await campaign.save(on: database)
        try await AuditLog.record(.campaignControlled, by: actor, target: campaign.name, detail: command.rawValue, on: database)
        return try await view(id)
    }

    private func checkCanDial(_ campaign: CampaignRecord, telephonyRunning: Bool) async throws {
        let plan = try campaign.plan
        let hasPrompt = campaign.prompt.map {
            FileManager.default.fileExists(atPath: (promptFolder as NSString).appendingPathComponent($0))
        } ?? false
        if let problem = plan.problems(hasPrompt: hasPrompt).first {
            throw Abort(.conflict, reason: problem.description)
        }
        guard telephonyRunning else {
            throw Abort(.conflict, reason: "telephony is not running on this server (waihu serve started with --no-sip)")
        }
        let trunk = try await TelephonyAdministration(database: database, actor: actor).trunkForCall(named: campaign.trunk)
        guard trunk.enabled else { throw Abort(.conflict, reason: "trunk \(trunk.name) is disabled") }
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        guard try await CampaignLeadStore(sql: sql).hasOpenLeads(campaignID: try campaign.requireID()) else {
            throw Abort(.conflict, reason: "the campaign has no lead left to dial")
        }
    }

    // MARK: - Reading

    public func list() async throws -> [CampaignView] {
        let ids = try await CampaignRecord.query(on: database).sort(\.$createdAt, .descending).all().compactMap(\.id)
        var views: [CampaignView] = []
        for id in ids { views.append(try await view(id)) }
        return views
    }

    public func view(_ id: Int, now: Date = Date()) async throws -> CampaignView {
        let campaign = try await record(id, on: database)
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        let plan = try campaign.plan
        let batches = try await sql.raw("""
            SELECT b.name AS name FROM campaign_batches cb JOIN lead_batches b ON b.id = cb.batch_id
            WHERE cb.campaign_id = \(bind: id) ORDER BY b.name
            """).all().map { try $0.decode(column: "name", as: String.self) }
        let teams = try await sql.raw("""
            SELECT t.name AS name FROM campaign_teams ct JOIN teams t ON t.id = ct.team_id
            WHERE ct.campaign_id = \(bind: id) ORDER BY t.name
            """).all().map { try $0.decode(column: "name", as: String.self) }
        let (progress, shortage) = try await CampaignProgressQuery(sql: sql, campaignID: id, campaignName: campaign.name,
                                                                   plan: plan, clock: clock).run(now: now)
        return CampaignView(
            id: id, name: campaign.name, mode: campaign.mode, status: campaign.status,
            status_label: campaign.campaignStatus.chineseName, trunk: campaign.trunk, caller_id: campaign.callerID,
            has_prompt: campaign.prompt != nil, prompt_seconds: campaign.promptSeconds,
            has_abandon_prompt: FileManager.default.fileExists(atPath: Self.promptPath(folder: promptFolder, campaign: id, kind: .abandon)),
            batches: batches, teams: teams, plan: plan, created_by: campaign.createdBy, created_at: campaign.createdAt,
            started_at: campaign.startedAt, finished_at: campaign.finishedAt, progress: progress, shortage: shortage)
    }

    func record(_ id: Int, on db: Database) async throws -> CampaignRecord {
        guard let campaign = try await CampaignRecord.find(id, on: db) else {
            throw Abort(.notFound, reason: "no campaign \(id)")
        }
        return campaign
    }

    /// A campaign by id or by name (the CLI takes either).
    public func record(named text: String) async throws -> CampaignRecord {
        if let id = Int(text), let campaign = try await CampaignRecord.find(id, on: database) { return campaign }
        guard let campaign = try await CampaignRecord.query(on: database).filter(\.$name == text).first() else {
            throw Abort(.notFound, reason: "no campaign named \(text)")
        }
        return campaign
    }

    // MARK: - Helpers

    private func check(_ plan: CampaignPlan, hasPrompt: Bool) throws {
        if let problem = plan.problems(hasPrompt: hasPrompt).first { throw Abort(.badRequest, reason: problem.description) }
    }

    /// A mode the center keeps off until an admin allows it (`cleanse`: the system setting
    /// `cleanse_enabled`) is refused with the setting's name.
    private func requireAllowed(_ mode: DialMode) async throws {
        do {
            try await SystemSettings(database: database).requireAllowed(mode)
        } catch let error as SystemSettingError {
            throw Abort(.forbidden, reason: error.description)
        }
    }

    private func batchIDs(_ names: [String], on db: Database) async throws -> [Int] {
        var ids: [Int] = []
        for name in names {
            guard let batch = try await BatchRecord.query(on: db).filter(\.$name == name).first(), let id = batch.id else {
                throw Abort(.badRequest, reason: "batches: no batch named \(name)")
            }
            ids.append(id)
        }
        return ids
    }

    private func teamIDs(_ names: [String], on db: Database) async throws -> [UUID] {
        var ids: [UUID] = []
        for name in names {
            guard let team = try await TeamRecord.query(on: db).filter(\.$name == name).first(), let id = team.id else {
                throw Abort(.badRequest, reason: "teams: no team named \(name)")
            }
            ids.append(id)
        }
        return ids
    }

    private func requireTrunk(_ name: String, on db: Database) async throws {
        guard try await TrunkRecord.query(on: db).filter(\.$name == name).first() != nil else {
            throw Abort(.badRequest, reason: "trunk: no trunk named \(name)")
        }
    }

    private func assign(_ teams: [UUID], campaign: Int, batches: [Int], on sql: SQLDatabase) async throws {
        for team in teams {
            try await sql.insert(into: "campaign_teams").columns("campaign_id", "team_id").values(SQLBind(campaign), SQLBind(team)).run()
            for batch in batches {
                let exists = try await sql.select().column("id").from(BatchTeamRecord.schema)
                    .where("batch_id", .equal, batch).where("team_id", .equal, team).limit(1).all()
                if exists.isEmpty {
                    try await sql.insert(into: BatchTeamRecord.schema).columns("batch_id", "team_id")
                        .values(SQLBind(batch), SQLBind(team)).run()
                }
            }
        }
    }
}
