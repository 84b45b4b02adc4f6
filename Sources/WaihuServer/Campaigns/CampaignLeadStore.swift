import Foundation
import SQLKit
import WaihuDomain

/// The campaign's leads in the database (`campaign_leads`): the only code that writes a
/// lead's `state`. Each write is a `CampaignLeadStep` from `CampaignLeadLifecycle`, applied
/// with a conditional UPDATE on `step.from`, so a lead is never claimed twice and a late
/// call result never undoes a disposition. Enrolling leads, the dialer's claims, call
/// results, dispositions, crash recovery and skipped previews all come through here.
struct CampaignLeadStore: Sendable {
    static let table = "campaign_leads"
    let sql: SQLDatabase

    // MARK: - Enrolling

    /// Every lead of these batches not settled elsewhere (sold, refused, invalid, closed)
    /// joins the campaign, waiting.
    func enroll(campaignID: Int, batches: [Int]) async throws {
        try await sql.raw("""
            INSERT INTO campaign_leads (campaign_id, lead_id, state, attempts, attempts_today)
            SELECT \(bind: campaignID), id, \(bind: CampaignLeadState.waiting.rawValue), 0, 0 FROM leads
            WHERE batch_id IN (\(binds: batches)) AND status IN (\(binds: LeadStatus.stillDialable.map(\.rawValue)))
            """).run()
    }

    /// These leads join the campaign, waiting (a callback list made of a broadcast's listeners).
    func enroll(campaignID: Int, leads: [Int]) async throws {
        for chunk in stride(from: 0, to: leads.count, by: 500).map({ Array(leads[$0..<min($0 + 500, leads.count)]) }) {
            var insert = sql.insert(into: Self.table).columns("campaign_id", "lead_id", "state", "attempts", "attempts_today")
            for lead in chunk {
                insert = insert.values(SQLBind(campaignID), SQLBind(lead), SQLBind(CampaignLeadState.waiting.rawValue),
                                       SQLBind(0), SQLBind(0))
            }
            try await insert.run()
        }
    }

    // MARK: - Moves

    /// Who dials a claimed lead, and the attempt counts after the claim.
    struct Claim {
        var callID: String
        var node: String
        var attempts: Int
        var attemptsToday: Int
        var day: String
    }

    /// What a finished call leaves on the lead besides its state.
    struct CallResult {
        var outcome: CallOutcome
        var attemptAt: Date
        var agent: String?
        var listenedSeconds: Double?
        /// Why the call ended (空号, 关机 …) and on what evidence; nil clears the last one.
        var cause: CallCause?
        var evidence: String?
    }

    /// Applies `step` to the row `id` if it is still in `step.from`; false when another
    /// dialer or a later event moved it first.
    @discardableResult
    func apply(_ step: CampaignLeadStep, row id: Int, claim: Claim? = nil, call: CallResult? = nil) async throws -> Bool {
        try await apply(step, claim: claim, call: call) { $0.where("id", .equal, id) }
    }

    /// Applies `step` to the lead of the call `callID` if it is still in `step.from`.
    @discardableResult
    func apply(_ step: CampaignLeadStep, callID: String, call: CallResult? = nil) async throws -> Bool {
        try await apply(step, claim: nil, call: call) { $0.where("call_id", .equal, callID) }
    }

    private func apply(_ step: CampaignLeadStep, claim: Claim?, call: CallResult?,
                       row: (SQLUpdateBuilder) -> SQLUpdateBuilder) async throws -> Bool {
        var update = sql.update(Self.table)
        if step.to != step.from { update = update.set("state", to: step.to.rawValue) }
        for action in step.actions {
            switch action {
            case .dial:
                guard let claim else { preconditionFailure("a dial step needs its claim") }
                update = update.set("call_id", to: claim.callID).set("claimed_at", to: Date().timeIntervalSince1970)
                    .set("claimed_by", to: claim.node).set("attempts", to: claim.attempts)
                    .set("attempts_today", to: claim.attemptsToday).set("attempts_day", to: claim.day)
            case .scheduleRetry(let at), .putOff(let at):
                update = update.set("next_dial_at", to: at.timeIntervalSince1970)
            case .scheduleCallback(let at, let agent):
                update = update.set("next_dial_at", to: at.timeIntervalSince1970).set("callback_at", to: at.timeIntervalSince1970)
                    .set("callback_agent", to: agent)
            case .settle(let reason):
                update = update.set("done_reason", to: reason.rawValue).set("next_dial_at", to: SQLLiteral.null)
            case .giveBackAttempt:
                update = update.set("call_id", to: SQLLiteral.null).set("claimed_at", to: SQLLiteral.null)
                    .set("attempts", to: SQLRaw("attempts - 1"))
                    .set("attempts_today", to: SQLRaw("CASE WHEN attempts_today > 0 THEN attempts_today - 1 ELSE 0 END"))
            case .closeCallback:
                // The callback was made; a retry of it is an ordinary retry.
                update = update.set("callback_at", to: SQLLiteral.null).set("callback_agent", to: SQLLiteral.null)
            case .noteUnreachable(let streak):
                update = update.set("unreachable_count", to: streak.count)
                    .set("unreachable_since", to: streak.since.map { SQLBind($0.timeIntervalSince1970) as any SQLExpression } ?? SQLLiteral.null)
            case .awaitDisposition, .setLeadStatus, .recordFailedAttempt:
                // The state says it; the lead's status and the attempt event are written by
                // `setLeadStatus` and the call log in the same transaction.
                break
            }
        }
        if let call {
            update = update.set("last_outcome", to: call.outcome.rawValue).set("last_attempt_at", to: call.attemptAt.timeIntervalSince1970)
                .set("last_cause", to: call.cause.map { SQLBind($0.rawValue) as any SQLExpression } ?? SQLLiteral.null)
                .set("last_evidence", to: call.evidence.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
            if let agent = call.agent { update = update.set("agent_id", to: agent) }
            if let listened = call.listenedSeconds { update = update.set("listened_seconds", to: listened) }
        }
        let moved = try await row(update).where("state", .equal, step.from.rawValue).returning("id").all()
        return !moved.isEmpty
    }

    /// The lead's own status across campaigns; a sale or a refusal is not undone by a later
    /// call's "contacted".
    func setLeadStatus(_ leadID: Int, _ status: LeadStatus) async throws {
        var update = sql.update(LeadRecord.schema).set("status", to: status.rawValue).set("updated_at", to: Date())
            .where("id", .equal, leadID)
        if status == .contacted { update = update.where("status", .in, LeadStatus.stillDialable.map(\.rawValue)) }
        try await update.run()
    }

    // MARK: - Reading

    /// Leads that may still be dialed or that wait for an agent's disposition: while any is
    /// left the campaign is not finished.
    func hasOpenLeads(campaignID: Int) async throws -> Bool {
        let open = try await sql.select().column("id").from(Self.table)
            .where("campaign_id", .equal, campaignID)
            .where("state", .in, CampaignLeadState.open.map(\.rawValue))
            .limit(1).all()
        return !open.isEmpty
    }
}
