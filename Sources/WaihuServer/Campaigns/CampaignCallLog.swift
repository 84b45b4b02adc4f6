import Fluent
import Foundation
import SQLKit
import WaihuDialer
import WaihuDomain

/// Writes what the dialer did into the database, one transaction per call: the call-attempt
/// event the KPIs read (with the call's cause and evidence), the lead's next step in the
/// campaign (`CampaignLeadLifecycle`, which reads the lead's run of 关机/无法接通 results), the
/// lead's status (vacant numbers become invalid: the list is cleaned as a side effect), the
/// recording's place and, for a recording nobody taught waihu, where its audio is kept for a
/// list manager to label. Also puts calls interrupted by a crash right after a restart.
struct CampaignCallLog: Sendable {
    let database: Database
    let campaignID: Int
    /// The campaign's name: the `campaign_id` of its events, as the reports show it.
    let campaignName: String
    let plan: CampaignPlan
    let clock: LocalClock

    /// One finished call; `agent` is the user name of the agent who talked to the customer.
    func record(_ call: CampaignCallResult, agent: String?) async throws {
        let verdict = call.verdict
        let evidence = verdict.evidenceText.isEmpty ? nil : verdict.evidenceText
        let answeredAt = call.customer.outcome == .answered ? call.placedAt.addingTimeInterval(call.customer.ringSeconds) : nil
        try await WriteRetry.transaction(on: database) { db in
            guard let sql = db as? SQLDatabase else { throw EventStoreError.notSQL }
            let context = try await Self.context(callID: call.lead.callID, on: sql)
            let step = CampaignLeadLifecycle(retry: plan.gate.attempts.retry)
                .afterCall(verdict, mode: plan.mode, connectedToAgent: agent != nil && call.talkSeconds > 0, at: call.endedAt,
                           unreachable: context?.unreachable ?? .none)
            let attempt = CallAttemptRecord(
                callID: call.lead.callID, leadID: String(call.lead.id), campaignID: campaignName, number: call.lead.number,
                placedAt: call.placedAt, answeredAt: answeredAt, endedAt: call.endedAt, outcome: call.outcome,
                cause: verdict.cause, evidence: evidence, foundInvalid: step.doneReason == .invalidNumber,
                agentID: agent, talkSeconds: call.talkSeconds, playbackSeconds: call.customer.listenedSeconds,
                digits: call.customer.dtmf.isEmpty ? nil : call.customer.dtmf, attemptNumber: context?.attempts,
                listBatch: context?.batch, listSource: context?.source)
            try await EventStore(database: db, clock: clock).insert([.callAttempt(attempt)])
            // Only a lead still claimed by this call (`dialing`) moves, so a late result can
            // never undo a disposition.
            let store = CampaignLeadStore(sql: sql)
            try await store.apply(step, callID: call.lead.callID, call: .init(
                outcome: call.outcome, attemptAt: call.placedAt, agent: agent,
                listenedSeconds: call.customer.listenedSeconds, cause: verdict.cause, evidence: evidence))
            if let status = step.leadStatus { try await store.setLeadStatus(Int(call.lead.id), status) }
            if let path = call.customer.recording {
                try await sql.insert(into: "call_recordings")
                    .columns("call_id", "campaign_id", "lead_id", "agent_id", "path", "started_at")
                    .values(SQLBind(call.lead.callID), SQLBind(campaignID), SQLBind(Int(call.lead.id)), SQLBind(agent),
                            SQLBind(path), SQLBind(call.placedAt.timeIntervalSince1970))
                    .run()
            }
            if let path = call.customer.progressAudio {
                try await sql.insert(into: CreateCallProgressAudio.table)
                    .columns("call_id", "campaign_id", "lead_id", "path", "cause", "evidence", "recorded_at")
                    .values(SQLBind(call.lead.callID), SQLBind(campaignID), SQLBind(Int(call.lead.id)), SQLBind(path),
                            SQLBind(verdict.cause.rawValue), SQLBind(evidence), SQLBind(call.placedAt.timeIntervalSince1970))
                    .run()
            }
        }
    }

    struct CallContext: Decodable {
        var attempts: Int
        var lead_id: Int
        var batch: String?
        var source: String?
        var unreachable_count: Int
        var unreachable_since: Double?

        /// The lead's run of 关机/无法接通 results before this call.
        var unreachable: UnreachableStreak {
            UnreachableStreak(count: unreachable_count, since: unreachable_since.map(Date.init(timeIntervalSince1970:)))
        }
    }

    static func context(callID: String, on sql: SQLDatabase) async throws -> CallContext? {
        try await sql.raw("""
            SELECT cl.attempts AS attempts, cl.lead_id AS lead_id, b.name AS batch, s.name AS source,
                   cl.unreachable_count AS unreachable_count, cl.unreachable_since AS unreachable_since
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
            WHERE cl.state = \(bind: CampaignLeadState.dialing.rawValue) AND (cl.claimed_by = \(bind: node) OR cl.claimed_by IS NULL)
            """).all(decoding: Interrupted.self)
        for row in rows {
            let plan = (try? JSONDecoder().decode(CampaignPlan.self, from: Data(row.plan.utf8))) ?? CampaignPlan(mode: .progressive)
            let step = CampaignLeadLifecycle(retry: plan.gate.attempts.retry).afterCrash(at: now)
            let placed = row.claimed_at.map(Date.init(timeIntervalSince1970:)) ?? now
            let callID = row.call_id ?? UUID().uuidString.lowercased()
            try await WriteRetry.transaction(on: database) { db in
                guard let sql = db as? SQLDatabase else { throw EventStoreError.notSQL }
                if step.actions.contains(.recordFailedAttempt) {
                    let attempt = CallAttemptRecord(callID: callID, leadID: String(row.lead_id), campaignID: row.name,
                                                    number: DatabaseLeadQueue.dialString(row.phone_key), placedAt: placed, endedAt: placed,
                                                    outcome: .failed, cause: .failed, evidence: Self.interruptedEvidence,
                                                    attemptNumber: row.attempts, listBatch: row.batch, listSource: row.source)
                    try await EventStore(database: db, clock: clock).insert([.callAttempt(attempt)])
                }
                try await CampaignLeadStore(sql: sql).apply(step, row: row.id, call: .init(
                    outcome: .failed, attemptAt: placed, cause: .failed, evidence: Self.interruptedEvidence))
            }
        }
        return rows.count
    }

    /// The evidence of a call that died with the server: nothing was heard of its end.
    static let interruptedEvidence = "server restart"

    /// Gives back a lead an agent previewed and skipped: as if never claimed.
    static func releaseClaim(callID: String, on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        try await CampaignLeadStore(sql: sql).apply(CampaignLeadLifecycle().afterPreviewSkipped(), callID: callID)
    }
}
