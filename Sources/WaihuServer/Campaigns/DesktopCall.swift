import Fluent
import Foundation
import SQLKit
import Vapor
import WaihuDomain

/// What the agent's desktop shows for one call (弹屏): the lead with its number masked, the
/// campaign's script filled in, and the lead's earlier attempts and dispositions. It stays
/// on the desk after the customer hangs up, until the disposition is saved.
struct DesktopCall: Content, Sendable {
    struct Lead: Content, Sendable {
        var id: Int
        var name: String?
        var phone_masked: String
        var plate: String?
        var car_model: String?
        var renewal_date: String?
        var extras: [String: String]
        var status: String
    }

    struct HistoryLine: Content, Sendable {
        var at: Date
        var outcome: String?
        /// A call's cause (空号, 关机 …) and evidence, when it was recorded with one.
        var cause: String?
        var evidence: String?
        var agent: String?
        var disposition: String?
        var note: String?
    }

    var call_id: String
    var lead_id: Int
    var campaign_id: Int
    var preview: Bool
    var answered_at: Date?
    var ended_at: Date?
    var lead: Lead
    var script: String
    var history: [HistoryLine]

    /// Reads the lead and its history for the pop.
    static func load(leadID: Int, callID: String, campaignID: Int, script: String, agentName: String, preview: Bool,
                     on db: Database) async throws -> DesktopCall {
        guard let record = try await LeadRecord.find(leadID, on: db) else {
            throw Abort(.notFound, reason: "no lead \(leadID)")
        }
        var extras: [String: String] = [:]
        for field in record.extras { extras[field.name] = field.value }
        var fields = extras
        fields["name"] = record.name
        fields["plate"] = record.plate
        fields["car_model"] = record.carModel
        fields["renewal_date"] = record.renewalDate
        fields["agent"] = agentName
        let lead = Lead(id: leadID, name: record.name, phone_masked: PhoneMask.masked(DatabaseLeadQueue.dialString(record.phoneKey)),
                        plate: record.plate, car_model: record.carModel, renewal_date: record.renewalDate, extras: extras,
                        status: record.statusName)
        return DesktopCall(call_id: callID, lead_id: leadID, campaign_id: campaignID, preview: preview, answered_at: preview ? nil : Date(),
                        ended_at: nil, lead: lead, script: CampaignScript(script).rendered(with: fields),
                        history: try await history(leadID: leadID, on: db))
    }

    static func history(leadID: Int, on db: Database) async throws -> [HistoryLine] {
        guard let sql = db as? SQLDatabase else { return [] }
        struct Attempt: Decodable { var placed_at: Double; var outcome: String; var cause: String?; var evidence: String?; var agent_id: String? }
        struct Disposition: Decodable { var at: Double; var code: String; var category: String; var agent_id: String?; var note: String? }
        let attempts = try await sql.raw("""
            SELECT placed_at, outcome, cause, evidence, agent_id FROM ev_call_attempts WHERE lead_id = \(bind: String(leadID))
            ORDER BY placed_at DESC LIMIT 50
            """).all(decoding: Attempt.self)
        let dispositions = try await sql.raw("""
            SELECT at, code, category, agent_id, note FROM ev_dispositions WHERE lead_id = \(bind: String(leadID))
            ORDER BY at DESC LIMIT 50
            """).all(decoding: Disposition.self)
        let lines = attempts.map {
            HistoryLine(at: Date(timeIntervalSince1970: $0.placed_at), outcome: $0.outcome, cause: $0.cause, evidence: $0.evidence,
                        agent: $0.agent_id, disposition: nil, note: nil)
        } + dispositions.map {
            HistoryLine(at: Date(timeIntervalSince1970: $0.at), outcome: nil, agent: $0.agent_id,
                        disposition: (DispositionCategory(rawValue: $0.category)?.chineseName ?? $0.category) + "：" + $0.code,
                        note: $0.note)
        }
        return lines.sorted { $0.at > $1.at }
    }
}
