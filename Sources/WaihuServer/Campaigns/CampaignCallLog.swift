import Fluent
import Foundation
import SQLKit
import WaihuDialer
import WaihuDomain

/// Writes what the dialer did into the database, one transaction per call: the call-attempt
/// event the KPIs read, the lead's state in the campaign (`CallSettlement`), the lead's
/// status (vacant numbers become invalid: the list is cleaned as a side effect) and the
/// recording's place. Also puts calls interrupted by a crash right after a restart.
struct CampaignCallLog: Sendable {
    let database: Database
    let campaignID: Int
    /// The campaign's name: the `campaign_id` of its events, as the reports show it.
    let campaignName: String
    let plan: CampaignPlan
    let clock: LocalClock

    /// One finished call. `agent` is the agent's user name when an agent took it.
    struct FinishedCall: Sendable {
        var lead: CampaignLead
        var report: CallReport
        var outcome: CallOutcome
        var agent: String?
        var talkSeconds: Double
        var placedAt: Date
        var endedAt: Date
    }

    func record(_ call: FinishedCall) async throws {
        let settlement = CallSettlement.afterCall(call.outcome, mode: plan.mode, connectedToAgent: call.agent != nil && call.talkSeconds > 0,
                                                  retry: plan.gate.attempts.retry, at: call.endedAt)
        let answeredAt = call.report.outcome == .answered ? call.placedAt.addingTimeInterval(call.report.ringSeconds) : nil
        try await WriteRetry.transaction(on: database) { db in
            guard let sql = db as? SQLDatabase else { throw EventStoreError.notSQL }
            let context = try await Self.context(callID: call.lead.callID, on: sql)
            let attempt = CallAttemptRecord(
                callID: call.lead.callID, leadID: String(call.lead.id), campaignID: campaignName, number: call.lead.number,
                placedAt: call.placedAt, answeredAt: answeredAt, endedAt: call.endedAt, outcome: call.outcome,
                agentID: call.agent, talkSeconds: call.talkSeconds, playbackSeconds: call.report.listenedSeconds,
                digits: call.report.dtmf.isEmpty ? nil : call.report.dtmf, attemptNumber: context?.attempts,
                listBatch: context?.batch, listSource: context?.source)
            try await EventStore(database: db, clock: clock).insert([.callAttempt(attempt)])
            try await settle(callID: call.lead.callID, settlement, outcome: CallSettlement.dialOutcome(of: call.outcome),
                             attemptAt: call.placedAt, agent: call.agent, listened: call.report.listenedSeconds, on: sql)
            if let status = settlement.leadStatus { try await Self.setLeadStatus(call.lead.id, status, on: sql) }
            if let path = call.report.recording {
                try await sql.insert(into: "call_recordings")
                    .columns("call_id", "campaign_id", "lead_id", "agent_id", "path", "started_at")
                    .values(SQLBind(call.lead.callID), SQLBind(campaignID), SQLBind(Int(call.lead.id)), SQLBind(call.agent),
                            SQLBind(path), SQLBind(call.placedAt.timeIntervalSince1970))
                    .run()
            }
        }
    }

    /// Moves the claimed lead on; only a lead still claimed by this call (`dialing`) moves,
    /// so a late result can never undo a disposition.
    private func settle(callID: String, _ settlement: CallSettlement, outcome: DialOutcome, attemptAt: Date, agent: String?,
                        listened: Double, on sql: SQLDatabase) async throws {
        var update = sql.update("campaign_leads")
            .set("state", to: settlement.state.rawValue)
            .set("next_dial_at", to: settlement.nextDialAt?.timeIntervalSince1970)
            .set("last_outcome", to: outcome.rawValue)
            .set("last_attempt_at", to: attemptAt.timeIntervalSince1970)
            .set("agent_id", to: agent)
            .set("listened_seconds", to: listened)
        if settlement.state == .done {
            update = update.set("done_reason", to: outcome.isInvalidNumber ? LeadShortage.Reason.invalidNumber.rawValue : "settled")
        }
        try await update.where("call_id", .equal, callID).where("state", .equal, CampaignLeadState.dialing.rawValue).run()
    }

    static func setLeadStatus(_ leadID: Int64, _ status: LeadStatus, on sql: SQLDatabase) async throws {
        // A sale or a refusal is not undone by a later call's "contacted".
        var update = sql.update(LeadRecord.schema).set("status", to: status.rawValue).set("updated_at", to: Date())
            .where("id", .equal, Int(leadID))
        if status == .contacted { update = update.where("status", .in, [LeadStatus.new.rawValue, LeadStatus.contacted.rawValue]) }
        try await update.run()
    }

    struct CallContext: Decodable {
        var attempts: Int
        var lead_id: Int
        var batch: String?
        var source: String?
    }

    static func context(callID: String, on sql: SQLDatabase) async throws -> CallContext? {
        try await sql.raw("""
            SELECT cl.attempts AS attempts, cl.lead_id AS lead_id, b.name AS batch, s.name AS source
            FROM campaign_leads cl JOIN leads l ON l.id = cl.lead_id
            LEFT JOIN lead_batches b ON b.id = l.batch_id LEFT JOIN lead_sources s ON s.id = b.source_id
            WHERE cl.call_id = \(bind: callID)
            """).first(decoding: CallContext.self)
    }

    /// After a restart: every lead this server had claimed is a call that died with the
    /// process. Each is recorded as a failed attempt and waits the network-failure delay
    /// (a carrier still ringing the customer never sees a second call from us at once).
    /// Returns how many calls were put right.
    static func recoverInterruptedCalls(on database: Database, node: String, clock: LocalClock, now: Date = Date()) async throws -> Int {
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        struct Interrupted: Decodable {
            var id: Int
            var campaign_id: Int
            var lead_id: Int
            var call_id: String?
            var claimed_at: Double?
            var attempts: Int
            var name: String
            var plan: String
            var phone_key: String
            var batch: String?
            var source: String?
        }
        let rows = try await sql.raw("""
            SELECT cl.id AS id, cl.campaign_id AS campaign_id, cl.lead_id AS lead_id, cl.call_id AS call_id,
                   cl.claimed_at AS claimed_at, cl.attempts AS attempts, c.name AS name, c.plan AS plan, l.phone_key AS phone_key,
                   b.name AS batch, s.name AS source
            FROM campaign_leads cl JOIN campaigns c ON c.id = cl.campaign_id JOIN leads l ON l.id = cl.lead_id
            LEFT JOIN lead_batches b ON b.id = l.batch_id LEFT JOIN lead_sources s ON s.id = b.source_id
            WHERE cl.state = 'dialing' AND (cl.claimed_by = \(bind: node) OR cl.claimed_by IS NULL)
            """).all(decoding: Interrupted.self)
        for row in rows {
            let plan = (try? JSONDecoder().decode(CampaignPlan.self, from: Data(row.plan.utf8))) ?? CampaignPlan(mode: .progressive)
            let settlement = CallSettlement.afterInterruptedCall(retry: plan.gate.attempts.retry, at: now)
            let placed = row.claimed_at.map(Date.init(timeIntervalSince1970:)) ?? now
            let callID = row.call_id ?? UUID().uuidString.lowercased()
            try await WriteRetry.transaction(on: database) { db in
                guard let sql = db as? SQLDatabase else { throw EventStoreError.notSQL }
                let attempt = CallAttemptRecord(callID: callID, leadID: String(row.lead_id), campaignID: row.name,
                                                number: DatabaseLeadQueue.dialString(row.phone_key), placedAt: placed, endedAt: placed,
                                                outcome: .failed, attemptNumber: row.attempts, listBatch: row.batch, listSource: row.source)
                try await EventStore(database: db, clock: clock).insert([.callAttempt(attempt)])
                try await sql.update("campaign_leads")
                    .set("state", to: settlement.state.rawValue)
                    .set("next_dial_at", to: settlement.nextDialAt?.timeIntervalSince1970)
                    .set("last_outcome", to: DialOutcome.networkFailure.rawValue)
                    .set("last_attempt_at", to: placed.timeIntervalSince1970)
                    .where("id", .equal, row.id).where("state", .equal, CampaignLeadState.dialing.rawValue)
                    .run()
            }
        }
        return rows.count
    }

    /// Gives back a lead an agent previewed and skipped: as if never claimed.
    static func releaseClaim(callID: String, on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        try await sql.raw("""
            UPDATE campaign_leads SET state = 'waiting', call_id = NULL, claimed_at = NULL, attempts = attempts - 1,
                   attempts_today = CASE WHEN attempts_today > 0 THEN attempts_today - 1 ELSE 0 END
            WHERE call_id = \(bind: callID) AND state = 'dialing'
            """).run()
    }
}
