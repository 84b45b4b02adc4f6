import Fluent
import Foundation
import SQLKit
import Vapor
import WaihuDomain

/// Saves an agent's disposition (小结) of a call: the disposition event, the lead's next
/// step in the campaign (`CampaignLeadLifecycle`: done, a callback at its time, or a retry), the
/// lead's status, and the do-not-call list when the customer asked for it. One transaction:
/// a disposition is never half saved, and never saved twice.
struct DispositionRecorder: Sendable {
    let database: Database
    let clock: LocalClock

    struct Request: Content {
        var call_id: String
        var code: String
        var note: String?
        var callback_at: Date?
        var callback_personal: Bool?
    }

    /// The agent's desktop shows wrap-up the moment the call ends, a moment before the call
    /// log has stored the call and moved its lead out of `dialing`; on a busy server an agent
    /// can be quicker. A disposition for such a call waits for the call to be stored (a few
    /// seconds at most) rather than being refused as "still up".
    private func waitUntilCallRecorded(_ callID: String, within seconds: Double = 5) async throws {
        guard let sql = database as? SQLDatabase else { return }
        struct Row: Decodable { var state: String }
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let row = try await sql.select().column("state").from(CampaignLeadStore.table)
                .where("call_id", .equal, callID).first(decoding: Row.self)
            guard row?.state == CampaignLeadState.dialing.rawValue else { return }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
    }

    struct Saved: Sendable {
        var campaignID: Int
        var leadID: Int
    }

    func save(_ request: Request, agent: String, actor: AuditActor, now: Date = Date()) async throws -> Saved {
        try await waitUntilCallRecorded(request.call_id)
        return try await WriteRetry.transaction(on: database) { [clock] db in
            guard let sql = db as? SQLDatabase else { throw EventStoreError.notSQL }
            struct Row: Decodable {
                var id: Int
                var campaign_id: Int
                var lead_id: Int
                var state: String
                var agent_id: String?
                var name: String
                var plan: String
                var phone_key: String
            }
            guard let row = try await sql.raw("""
                SELECT cl.id AS id, cl.campaign_id AS campaign_id, cl.lead_id AS lead_id, cl.state AS state, cl.agent_id AS agent_id,
                       c.name AS name, c.plan AS plan, l.phone_key AS phone_key
                FROM campaign_leads cl JOIN campaigns c ON c.id = cl.campaign_id JOIN leads l ON l.id = cl.lead_id
                WHERE cl.call_id = \(bind: request.call_id)
                """).first(decoding: Row.self) else {
                throw Abort(.notFound, reason: "call_id: no campaign call \(request.call_id)")
            }
            let plan = try JSONDecoder().decode(CampaignPlan.self, from: Data(row.plan.utf8))
            guard let disposition = plan.disposition(request.code) else {
                throw Abort(.badRequest, reason: "code: '\(request.code)' is not a disposition of this campaign (\(plan.dispositions.map(\.code).joined(separator: ", ")))")
            }
            guard row.agent_id == nil || row.agent_id == agent else {
                throw Abort(.forbidden, reason: "this call was taken by another agent")
            }
            let already = try await sql.select().column("id").from(EventTable.dispositions.name)
                .where("call_id", .equal, request.call_id).limit(1).all()
            guard already.isEmpty else { throw Abort(.conflict, reason: "the disposition of this call is already saved") }
            let lifecycle = CampaignLeadLifecycle(retry: plan.gate.attempts.retry)
            guard let state = CampaignLeadState(rawValue: row.state) else {
                throw Abort(.internalServerError, reason: "campaign lead \(row.id) has an unknown state \(row.state)")
            }
            let movesLead: Bool
            do { movesLead = try lifecycle.dispositionMovesLead(in: state) } catch let error as CampaignLeadLifecycleError {
                throw Abort(.conflict, reason: error.description)
            }
            if let callbackAt = request.callback_at, callbackAt < now.addingTimeInterval(-60) {
                throw Abort(.badRequest, reason: "callback_at: \(callbackAt) is in the past")
            }
            let callbackAt = request.callback_at ?? (disposition.category == .callback ? now.addingTimeInterval(3600) : nil)
            let record = DispositionRecord(leadID: String(row.lead_id), campaignID: row.name, callID: request.call_id, agentID: agent,
                                           code: disposition.code, category: disposition.category, at: now,
                                           note: request.note.flatMap { $0.isEmpty ? nil : String($0.prefix(500)) })
            try await EventStore(database: db, clock: clock).insert([.disposition(record)])
            let store = CampaignLeadStore(sql: sql)
            if movesLead {
                let personal = callbackAt != nil && request.callback_personal == true ? agent : nil
                let step = lifecycle.afterDisposition(disposition, callbackAt: callbackAt, personalAgent: personal, at: now)
                try await store.apply(step, row: row.id)
            }
            try await store.setLeadStatus(row.lead_id, disposition.leadStatus)
            try await sql.insert(into: LeadHistoryRecord.schema)
                .columns("lead_id", "at", "actor", "field", "old_value", "new_value")
                .values(SQLBind(row.lead_id), SQLBind(now), SQLBind(agent), SQLBind("disposition"), SQLBind(Optional<String>.none),
                        SQLBind(disposition.label + (request.note.map { $0.isEmpty ? "" : "：" + $0 } ?? "")))
                .run()
            if plan.addsToDoNotCall(disposition) {
                let until = DoNotCallPeriod(months: plan.doNotCallMonths).until(from: clock.day(of: now))
                try await DoNotCallList(database: db, actor: actor).add(row.phone_key, reason: "小结：" + disposition.label, until: until)
            }
            return Saved(campaignID: row.campaign_id, leadID: row.lead_id)
        }
    }
}
