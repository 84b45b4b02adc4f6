import Foundation
import SQLKit
import Vapor
import WaihuDomain

/// A campaign's leads one by one (名单明细), for supervisors: where each lead stands in its
/// lifecycle, how often it was tried, when it is due next, why it is done and how its last
/// call ended and why (空号, 关机 … with the evidence). Paged and filtered by state, done
/// reason, last cause or batch; numbers are masked.
struct CampaignLeadList {
    let sql: SQLDatabase
    let campaignID: Int

    struct Filter {
        var state: CampaignLeadState?
        var doneReason: CampaignLeadDoneReason?
        var cause: CallCause?
        var batch: String?
        var page = 1
        var perPage = 50
    }

    struct Row: Content {
        var lead_id: Int
        var name: String?
        var number: String
        var batch: String
        var state: String
        var state_label: String
        var attempts: Int
        var attempts_today: Int
        var next_dial_at: Date?
        var done_reason: String?
        var done_label: String?
        var last_outcome: String?
        var last_outcome_label: String?
        /// The last call's cause (`CallCause`), its Chinese name and the evidence it was decided on.
        var last_cause: String?
        var last_cause_label: String?
        var last_evidence: String?
        var last_attempt_at: Date?
        var callback_at: Date?
        var callback_agent: String?
        var agent: String?
    }

    struct Page: Content {
        var total: Int
        var page: Int
        var per_page: Int
        var leads: [Row]
    }

    func run(_ filter: Filter, today: String) async throws -> Page {
        var conditions: [SQLQueryString] = ["cl.campaign_id = \(bind: campaignID)"]
        if let state = filter.state { conditions.append("cl.state = \(bind: state.rawValue)") }
        if let reason = filter.doneReason { conditions.append("cl.done_reason = \(bind: reason.rawValue)") }
        if let cause = filter.cause { conditions.append("cl.last_cause = \(bind: cause.rawValue)") }
        if let batch = filter.batch { conditions.append("b.name = \(bind: batch)") }
        let whereClause = conditions.dropFirst().reduce(conditions[0]) { "\($0) AND \($1)" }
        let from: SQLQueryString = """
            FROM campaign_leads cl JOIN leads l ON l.id = cl.lead_id JOIN lead_batches b ON b.id = l.batch_id
            WHERE \(whereClause)
            """
        struct Count: Decodable { var n: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS n \(from)").first(decoding: Count.self)?.n ?? 0
        struct Stored: Decodable {
            var lead_id: Int
            var name: String?
            var phone_key: String
            var batch: String
            var state: String
            var attempts: Int
            var attempts_today: Int
            var attempts_day: String?
            var next_dial_at: Double?
            var done_reason: String?
            var last_outcome: String?
            var last_cause: String?
            var last_evidence: String?
            var last_attempt_at: Double?
            var callback_at: Double?
            var callback_agent: String?
            var agent_id: String?
        }
        let perPage = min(max(filter.perPage, 1), 500)
        let page = max(filter.page, 1)
        let rows = try await sql.raw("""
            SELECT cl.lead_id AS lead_id, l.name AS name, l.phone_key AS phone_key, b.name AS batch, cl.state AS state,
                   cl.attempts AS attempts, cl.attempts_today AS attempts_today, cl.attempts_day AS attempts_day,
                   cl.next_dial_at AS next_dial_at, cl.done_reason AS done_reason, cl.last_outcome AS last_outcome,
                   cl.last_cause AS last_cause, cl.last_evidence AS last_evidence, cl.last_attempt_at AS last_attempt_at, cl.callback_at AS callback_at, cl.callback_agent AS callback_agent,
                   cl.agent_id AS agent_id
            \(from)
            ORDER BY cl.id LIMIT \(unsafeRaw: String(perPage)) OFFSET \(unsafeRaw: String((page - 1) * perPage))
            """).all(decoding: Stored.self)
        let leads = rows.map { row -> Row in
            let state = CampaignLeadState(rawValue: row.state)
            let reason = row.done_reason.flatMap(CampaignLeadDoneReason.init(rawValue:))
            let outcome = row.last_outcome.flatMap(CallOutcome.init(rawValue:))
            return Row(lead_id: row.lead_id, name: row.name, number: PhoneMask.masked(DatabaseLeadQueue.dialString(row.phone_key)),
                       batch: row.batch, state: row.state, state_label: state?.chinese ?? row.state, attempts: row.attempts,
                       attempts_today: row.attempts_day == today ? row.attempts_today : 0,
                       next_dial_at: state == .waiting ? row.next_dial_at.map(Date.init(timeIntervalSince1970:)) : nil,
                       done_reason: row.done_reason, done_label: reason?.chinese,
                       last_outcome: row.last_outcome, last_outcome_label: outcome?.chineseName,
                       last_cause: row.last_cause, last_cause_label: row.last_cause.flatMap(CallCause.init(rawValue:))?.chineseName,
                       last_evidence: row.last_evidence,
                       last_attempt_at: row.last_attempt_at.map(Date.init(timeIntervalSince1970:)),
                       callback_at: row.callback_at.map(Date.init(timeIntervalSince1970:)), callback_agent: row.callback_agent,
                       agent: row.agent_id)
        }
        return Page(total: total, page: page, per_page: perPage, leads: leads)
    }
}
