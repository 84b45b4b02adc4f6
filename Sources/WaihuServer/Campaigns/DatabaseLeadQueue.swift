import Fluent
import Foundation
import SQLKit
import WaihuDialer
import WaihuDomain

/// A campaign's leads in the database, as the dialer takes them: due leads in the plan's
/// order (`LeadOrdering`: due callbacks first, then the priority keys) and list mix
/// (`ListMix`), each checked against the dial gate and the do-not-call list at the moment of
/// dialing, then claimed through `CampaignLeadStore` so that no other dialer (another node,
/// a second runner) takes the same lead. A personal callback (个人预约) is offered to its
/// own agent first and to that agent's team after the plan's grace (`CallbackRule`). Leads
/// the gate refuses are put aside with their reason: done (do-not-call, attempt limit,
/// invalid number) or due later (retry, daily limit).
actor DatabaseLeadQueue: CampaignLeadQueue {
    /// An agent of this campaign who is ready now: who a reserved lead can go to.
    struct ReadyAgent: Sendable, Equatable {
        var username: String
        var team: String?
        var phone: String
    }

    let database: Database
    let campaignID: Int
    let gate: DialGate
    let timeZone: TimeZone
    /// Which server claimed a lead, for the crash recovery of that server.
    let node: String
    private let lifecycle: CampaignLeadLifecycle
    private let ordering: LeadOrdering
    private var mix: ListMix?
    private let callbacks: CallbackRule
    private let readyAgents: @Sendable () -> [ReadyAgent]
    private let clock: LocalClock
    private static let page = 50

    init(database: Database, campaignID: Int, plan: CampaignPlan, node: String,
         readyAgents: @escaping @Sendable () -> [ReadyAgent] = { [] }) {
        self.database = database
        self.campaignID = campaignID
        self.gate = plan.gate
        let zone = TimeZone(identifier: plan.timeZone) ?? EventTimestamp.exportTimeZone
        self.timeZone = zone
        self.node = node
        self.clock = LocalClock(timeZone: zone)
        self.lifecycle = CampaignLeadLifecycle(retry: plan.gate.attempts.retry)
        self.ordering = plan.leadOrdering
        self.mix = plan.listMix.isEmpty ? nil : try? ListMix(weights: plan.listMix)
        self.callbacks = CallbackRule(graceWindow: TimeInterval(plan.callbackGraceMinutes * 60))
        self.readyAgents = readyAgents
    }

    /// The runner's next lead: a lead reserved for an agent (a personal callback) is taken
    /// only while that agent, or after the grace one of their team, is ready.
    func nextLead() async throws -> NextLead {
        try await nextLead(for: nil)
    }

    /// The next lead for `agent` (preview): their own personal callbacks are theirs, other
    /// agents' are left to those agents until the grace has passed.
    func nextLead(for agent: ReadyAgent?) async throws -> NextLead {
        let now = Date()
        // The window is the same for every lead of a campaign: no need to read any.
        guard gate.window.allows(now, in: timeZone) else {
            return try await hasOpenLeads() ? .notNow : .finished
        }
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        let store = CampaignLeadStore(sql: sql)
        let day = clock.day(of: now)
        let today = day.isoString
        // When a daily attempt limit lifts: the center's next local midnight.
        let startOfTomorrow = clock.start(of: day.addingDays(1) ?? day)
        for _ in 0..<20 {
            var due = try await dueLeads(now: now, on: sql)
            if due.isEmpty { return try await hasOpenLeads() ? .notNow : .finished }
            let listed = try await doNotCallKeys(due.map(\.phone_key), today: today, on: sql)
            let ready = agent.map { [$0] } ?? readyAgents()
            var movedAny = false
            while let row = takeNext(from: &due) {
                let history = LeadDialHistory(
                    attempts: row.attempts, attemptsToday: row.attempts_day == today ? row.attempts_today : 0,
                    lastOutcome: row.last_outcome.flatMap(CallOutcome.init(rawValue:)),
                    lastAttemptAt: row.last_attempt_at.map(Date.init(timeIntervalSince1970:)))
                let refusal = gate.refusal(history: history, onDoNotCallList: listed.contains(row.phone_key),
                                           renewalDate: row.renewal_date.flatMap { CalendarDay($0) }, timeZone: timeZone, now: now)
                guard let step = lifecycle.atDialTime(refusal, now: now, startOfTomorrow: startOfTomorrow) else { return .notNow }
                guard step.to == .dialing else {
                    try await store.apply(step, row: row.id)
                    movedAny = true
                    continue
                }
                var reservedFor: ReadyAgent?
                switch audience(of: row, now: now) {
                case .anyone, .notYetDue:
                    // A preview agent dials it; the runner gives it to whoever is ready longest.
                    reservedFor = nil
                case .agent(let owner):
                    guard let match = ready.first(where: { $0.username == owner }) else { continue }
                    reservedFor = match
                case .team(let team):
                    guard let match = ready.first(where: { $0.team == team }) else { continue }
                    reservedFor = match
                }
                let lead = CampaignLead(id: Int64(row.lead_id), number: Self.dialString(row.phone_key),
                                        reservedAgent: agent == nil ? reservedFor?.phone : nil)
                let claim = CampaignLeadStore.Claim(callID: lead.callID, node: node, attempts: row.attempts + 1,
                                                    attemptsToday: history.attemptsToday + 1, day: today)
                if try await store.apply(step, row: row.id, claim: claim) {
                    return .lead(lead)
                }
                // Another dialer took it first: the next page will not show it again.
                movedAny = true
            }
            // Every due lead waits for an agent who is not ready: nothing to dial now.
            if !movedAny { return .notNow }
        }
        return .notNow
    }

    /// Who may be offered a due lead: a personal callback goes to its agent within the
    /// grace, then to the agent's team; everything else to anyone.
    private func audience(of row: DueLead, now: Date) -> CallbackAudience {
        guard let owner = row.callback_agent, let at = row.callback_at else { return .anyone }
        let callback = Callback(kind: .personal(agentID: owner, teamID: row.callback_team ?? ""), dueAt: Date(timeIntervalSince1970: at))
        switch callbacks.audience(for: callback, now: now) {
        case .team(let team) where team.isEmpty: return .anyone // an owner with no team: the whole campaign after the grace
        case let audience: return audience
        }
    }

    struct DueLead: Decodable {
        var id: Int
        var lead_id: Int
        var attempts: Int
        var attempts_today: Int
        var attempts_day: String?
        var last_outcome: String?
        var last_attempt_at: Double?
        var callback_at: Double?
        var callback_agent: String?
        var callback_team: String?
        var phone_key: String
        var renewal_date: String?
        var batch: String
        var source_priority: Int?

        var candidate: LeadCandidate {
            LeadCandidate(id: String(id), listID: batch, renewalDate: renewal_date.flatMap { CalendarDay($0) },
                          attempts: attempts, sourcePriority: source_priority ?? 0,
                          callbackDueAt: callback_at.map(Date.init(timeIntervalSince1970:)))
        }
    }

    /// Due leads, best first by the plan's `LeadOrdering`. The database pre-sorts by the same
    /// keys so that a page holds the best leads of a long list; the rule itself decides the
    /// order within it. With a list mix, each mixed batch brings a page of its own.
    private func dueLeads(now: Date, on sql: SQLDatabase) async throws -> [DueLead] {
        var rows: [DueLead] = []
        if let mix {
            for batch in mix.weights.keys.sorted() {
                rows += try await duePage(now: now, batch: batch, on: sql)
            }
            if rows.isEmpty { rows = try await duePage(now: now, batch: nil, on: sql) }
        } else {
            rows = try await duePage(now: now, batch: nil, on: sql)
        }
        let byID = Dictionary(rows.map { (String($0.id), $0) }, uniquingKeysWith: { first, _ in first })
        return ordering.ordered(rows.map(\.candidate), now: now).compactMap { byID[$0.id] }
    }

    private func duePage(now: Date, batch: String?, on sql: SQLDatabase) async throws -> [DueLead] {
        var order = ["CASE WHEN cl.callback_at IS NULL THEN 1 ELSE 0 END", "cl.callback_at"]
        for key in ordering.keys {
            switch key {
            case .renewalDate: order += ["CASE WHEN l.renewal_date IS NULL THEN 1 ELSE 0 END", "l.renewal_date"]
            case .fewestAttempts: order.append("cl.attempts")
            case .sourcePriority: order.append("COALESCE(s.priority, 0)")
            }
        }
        order.append("cl.id")
        let batchFilter: SQLQueryString = batch.map { "AND b.name = \(bind: $0)" } ?? ""
        return try await sql.raw("""
            SELECT cl.id AS id, cl.lead_id AS lead_id, cl.attempts AS attempts, cl.attempts_today AS attempts_today,
                   cl.attempts_day AS attempts_day, cl.last_outcome AS last_outcome, cl.last_attempt_at AS last_attempt_at,
                   cl.callback_at AS callback_at, cl.callback_agent AS callback_agent, t.name AS callback_team,
                   l.phone_key AS phone_key, l.renewal_date AS renewal_date, b.name AS batch, s.priority AS source_priority
            FROM campaign_leads cl JOIN leads l ON l.id = cl.lead_id
            JOIN lead_batches b ON b.id = l.batch_id LEFT JOIN lead_sources s ON s.id = b.source_id
            LEFT JOIN users u ON u.username = cl.callback_agent LEFT JOIN teams t ON t.id = u.team_id
            WHERE cl.campaign_id = \(bind: campaignID) AND cl.state = \(bind: CampaignLeadState.waiting.rawValue)
              AND (cl.next_dial_at IS NULL OR cl.next_dial_at <= \(bind: now.timeIntervalSince1970)) \(batchFilter)
            ORDER BY \(unsafeRaw: order.joined(separator: ", "))
            LIMIT \(unsafeRaw: String(Self.page))
            """).all(decoding: DueLead.self)
    }

    /// The next lead to try: from the batch the list mix names (any batch once the mixed
    /// ones are dry), in order.
    private func takeNext(from due: inout [DueLead]) -> DueLead? {
        guard !due.isEmpty else { return nil }
        if mix != nil, let batch = mix!.next(available: Set(due.map(\.batch))),
           let index = due.firstIndex(where: { $0.batch == batch }) {
            return due.remove(at: index)
        }
        return due.removeFirst()
    }

    private func doNotCallKeys(_ keys: [String], today: String, on sql: SQLDatabase) async throws -> Set<String> {
        Set(try await sql.select().column("phone_key").from(DoNotCallRecord.schema)
            .where("phone_key", .in, keys)
            .where(SQLRaw(DoNotCallRule.sqlCondition(lastDayColumn: #""until""#, on: today)))
            .all(decodingColumn: "phone_key", as: String.self))
    }

    private func hasOpenLeads() async throws -> Bool {
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        return try await CampaignLeadStore(sql: sql).hasOpenLeads(campaignID: campaignID)
    }

    /// The digits to send to the trunk for a stored key (`+8613800138000` → `13800138000`).
    static func dialString(_ key: String) -> String {
        if case .success(let number) = PhoneNumber.parse(key) { return number.nationalNumber }
        return key.hasPrefix("+86") ? String(key.dropFirst(3)) : key
    }
}
