import Foundation
import SQLKit
import WaihuDialer
import WaihuDomain
import XCTest
@testable import WaihuServer

/// A campaign on the test server whose calls are recorded by the real call log
/// (`CampaignCallLog`), each ended for a cause of our choosing: what the dialer would hand it.
struct CallCauseStage {
    let server: TestServer
    let sql: SQLDatabase
    let campaignID: Int
    let plan: CampaignPlan
    let queue: DatabaseLeadQueue
    let log: CampaignCallLog

    /// A progressive campaign open all day with room for many attempts.
    static var openPlan: CampaignPlan {
        var plan = CampaignPlan(mode: .progressive)
        plan.gate.window = try! CallingWindow(opensAtMinute: 0, closesAtMinute: 1440)
        plan.gate.attempts.maxAttemptsPerDay = 10
        plan.gate.attempts.maxAttemptsPerLead = 10
        return plan
    }

    /// Imports `numbers` as batch `batch` of `source`.
    static func importBatch(_ server: TestServer, _ batch: String, source: String = "平安续保", _ numbers: [String]) async throws {
        let csv = "姓名,电话\n" + numbers.enumerated().map { "客户\($0.offset),\($0.element)\n" }.joined()
        let url = try LeadFixtures.temporaryFile("\(batch).csv", csv)
        _ = try await LeadImporter(database: server.app.db, actor: .console())
            .run(.init(file: url, batchName: batch, sourceName: source, options: LeadFileOptions(asOf: LeadFixtures.asOf)))
    }

    /// A campaign named `name` of these batches, already imported.
    static func campaign(_ server: TestServer, name: String = "续保", batches: [String], plan: CampaignPlan = openPlan) async throws -> CallCauseStage {
        let id = try await CampaignAdministration(database: server.app.db, actor: .console(), dataDirectory: server.dataDirectory)
            .create(.init(name: name, plan: plan, batches: batches)).id
        let sql = try XCTUnwrap(server.app.db as? SQLDatabase)
        return CallCauseStage(server: server, sql: sql, campaignID: id, plan: plan,
                              queue: DatabaseLeadQueue(database: server.app.db, campaignID: id, plan: plan, node: "a"),
                              log: CampaignCallLog(database: server.app.db, campaignID: id, campaignName: name, plan: plan, clock: LocalClock()))
    }

    /// Claims the lead of `number` (making it due first) and records a call that ended for
    /// `cause`; with `agent`, the customer talked to that agent for 30 s.
    @discardableResult
    func call(_ number: String, _ cause: CallCause, outcome: CallOutcome? = nil, evidence: String, at end: Date = Date(),
              agent: String? = nil, progressAudio: String? = nil) async throws -> CampaignLead {
        try await sql.raw("""
            UPDATE campaign_leads SET next_dial_at = NULL WHERE campaign_id = \(bind: campaignID) AND state = 'waiting'
              AND lead_id = (SELECT id FROM leads WHERE phone_key = \(bind: "+86" + number))
            """).run()
        // Leads due before it are claimed on the way and given back afterwards (given back at
        // once, the queue would hand the same one out again).
        var lead: CampaignLead?
        var passed: [CampaignLead] = []
        while case .lead(let next) = try await queue.nextLead() {
            if next.number == number { lead = next; break }
            passed.append(next)
        }
        for other in passed { try await CampaignCallLog.releaseClaim(callID: other.callID, on: server.app.db) }
        let claimed = try XCTUnwrap(lead, "\(number) is due")
        let report = CallReport(outcome: outcome ?? cause.outcome ?? .noAnswer, cause: cause, evidence: evidence,
                                progressAudio: progressAudio, sipStatus: nil, ringSeconds: 3, listenedSeconds: 0, dtmf: "",
                                recording: nil)
        try await log.record(CampaignCallResult(lead: claimed, customer: report, agentPhone: agent == nil ? nil : "8001",
                                                talkSeconds: agent == nil ? 0 : 30, placedAt: end.addingTimeInterval(-35), endedAt: end),
                             agent: agent)
        return claimed
    }
}
