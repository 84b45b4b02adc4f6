import Foundation
import WaihuTestPeers
import XCTest

/// A number check (号码检测, mode `cleanse`) run by `waihu serve` against SIPp customers whose
/// carrier plays "您拨打的号码是空号" as early media before a 480: a list manager taught
/// the announcement once with `waihu announcements learn`; the campaign is refused until an
/// admin enables the mode; every number is then found vacant from the audio alone (the 480
/// would only say "no answer"), each call is cancelled before the carrier's final response, the
/// leads become invalid with their cause, the batch's invalid rate says why, and no campaign
/// dials them again.
final class NumberCheckServeTests: XCTestCase {
    func testANumberCheckFindsVacantNumbersFromTheCarriersAnnouncement() async throws {
        try await CampaignStage.with("number-check") { try await run($0) }
    }

    private func run(_ stage: CampaignStage) async throws {
        try stage.importLeads(batch: "检测名单", count: 4)
        let taught = try stage.run(["announcements", "learn", ProgressAudio.wav8k(.announcement(.vacant)).path,
                                    "--label", "vacant", "--carrier", "中国移动"])
        XCTAssertTrue(taught.contains("vacant") || taught.contains("空号"), taught)
        // The carrier's same recording, quieter, later and in µ-law, then a 480 after 8 s.
        let scenario = try ProgressPeers.scenario(.earlyMedia(.announcement(.vacant, levelDB: -10, offsetMS: 250), forMS: 8000,
                                                              then: .reject(status: 480), codec: .pcmu))
        try stage.startCustomers(calls: 4, scenario: scenario.path)
        try await stage.startServe()
        let api = stage.api
        let supervisor = try await stage.token("lead", "lead-pass-123")

        let body: [String: Any] = ["name": "空号检测", "batches": ["检测名单"], "plan": CampaignStage.plan(mode: "cleanse")]
        let refused = try await api.post("/api/v1/campaigns", body, token: supervisor)
        XCTAssertGreaterThanOrEqual(refused.status, 400, refused.text)
        XCTAssertLessThan(refused.status, 500, refused.text)
        XCTAssertTrue(refused.reason.contains("cleanse_enabled"), refused.reason)
        _ = try stage.run(["settings", "set", "cleanse_enabled", "true"])

        let created = try await api.post("/api/v1/campaigns", body, token: supervisor)
        XCTAssertEqual(created.status, 201, created.text)
        let id = try XCTUnwrap(created.json["id"] as? Int)
        let started = try await api.post("/api/v1/campaigns/\(id)/start", [:], token: supervisor)
        XCTAssertEqual(started.status, 200, started.text)
        let finished = try await stage.waitForCampaign(id, token: supervisor, timeout: 120) { ($0["status"] as? String) == "finished" }
        XCTAssertEqual((finished["progress"] as? [String: Any])?["done"] as? Int, 4, "\(finished)")

        let leads = try await api.get("/api/v1/campaigns/\(id)/leads", token: supervisor)
        let rows = try XCTUnwrap(leads.json["leads"] as? [[String: Any]], leads.text)
        XCTAssertEqual(rows.count, 4)
        for row in rows {
            XCTAssertEqual(row["last_cause"] as? String, "vacant", "\(row)")
            XCTAssertEqual(row["done_reason"] as? String, "invalid_number", "\(row)")
            XCTAssertEqual(row["attempts"] as? Int, 1, "never dialled twice: \(row)")
            let evidence = try XCTUnwrap(row["last_evidence"] as? String)
            XCTAssertTrue(evidence.hasPrefix("announcement vacant "), evidence)
        }
        // Each call was cancelled once the announcement was heard, long before the 480.
        let calls = try await api.get("/api/v1/campaigns/\(id)/calls?limit=100", token: supervisor).jsonArray
        XCTAssertEqual(calls.count, 4)
        for call in calls {
            XCTAssertEqual(call["outcome"] as? String, "invalid", "\(call)")
            XCTAssertEqual(call["cause"] as? String, "vacant", "\(call)")
        }
        let exit = await stage.customers?.waitForExit(seconds: 20)
        XCTAssertEqual(exit, 0, stage.customers?.output ?? "")

        // The batch's list quality: every dialled lead invalid, and why.
        let batches = try await api.get("/api/v1/batches", token: supervisor).jsonArray
        let batch = try XCTUnwrap(batches.first { $0["name"] as? String == "检测名单" }, "\(batches)")
        XCTAssertEqual(batch["invalid_leads"] as? Int, 4, "\(batch)")
        XCTAssertEqual((batch["invalid_lead_rate"] as? NSNumber)?.doubleValue, 1, "\(batch)")
        XCTAssertEqual((batch["invalid_by_cause"] as? [String: Any])?["vacant"] as? Int, 4, "\(batch)")

        // Never dialled again, by any campaign.
        let again = try await api.post("/api/v1/campaigns", ["name": "续保再拨", "batches": ["检测名单"],
                                                             "plan": CampaignStage.plan(mode: "progressive")], token: supervisor)
        XCTAssertEqual(again.status, 201, again.text)
        let againID = try XCTUnwrap(again.json["id"] as? Int)
        let againStart = try await api.post("/api/v1/campaigns/\(againID)/start", [:], token: supervisor)
        XCTAssertEqual(againStart.status, 409, againStart.text)
        XCTAssertTrue(againStart.reason.contains("no lead left"), againStart.reason)
    }
}
