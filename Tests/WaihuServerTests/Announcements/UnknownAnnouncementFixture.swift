import Fluent
import Foundation
import SQLKit
import WaihuDomain
import XCTest
@testable import WaihuServer

/// What the call log leaves for the unknown-announcement inbox, written straight to the
/// database: a campaign and a lead to name, and `call_progress_audio` rows pointing at WAVs.
enum UnknownAnnouncementFixture {
    static func campaignAndLead(_ server: TestServer) async throws -> (campaign: Int, lead: Int) {
        let db = server.app.db
        let source = SourceRecord(name: "运营商测试", defaultPrice: 0)
        try await source.create(on: db)
        let batch = BatchRecord(name: "三月", sourceID: try source.requireID(), costPerLead: 0, importedAt: Date(), importedBy: "liu")
        try await batch.create(on: db)
        let lead = LeadRecord()
        lead.phoneKey = "+8613800138000"
        lead.phone = "13800138000"
        lead.extrasJSON = "[]"
        lead.batchID = try batch.requireID()
        lead.statusName = "new"
        try await lead.create(on: db)
        let campaign = try CampaignRecord(name: "号码检测三月", plan: CampaignPlan(mode: .broadcast), trunk: nil, callerID: nil,
                                          createdBy: "admin", createdAt: Date())
        try await campaign.create(on: db)
        return (try campaign.requireID(), try lead.requireID())
    }

    static func keepAudio(_ server: TestServer, _ callID: String, _ campaignID: Int, _ leadID: Int, _ path: String,
                           _ cause: String, _ at: Double) async throws {
        let sql = try XCTUnwrap(server.app.db as? SQLDatabase)
        try await sql.insert(into: "call_progress_audio")
            .columns("call_id", "campaign_id", "lead_id", "path", "cause", "evidence", "recorded_at")
            .values(SQLBind(callID), SQLBind(campaignID), SQLBind(leadID), SQLBind(path), SQLBind(cause),
                    SQLBind(cause == "announcement_unknown" ? "announcement unknown; sip 480" : "announcement vacant 0.80"), SQLBind(at))
            .run()
    }
}
