import Foundation
import SQLKit
import WaihuDomain
import XCTest
@testable import WaihuServer

/// 无效率 by cause (seed 002: invalid leads ÷ leads dialled) per batch and per source, the
/// same leads in the API, `waihu batch list --causes`, the list-quality report and the lead
/// export (SQLite, or PostgreSQL when WAIHU_TEST_DATABASE is set).
///
/// Batch 续保A (source 平安): five leads dialled: 空号, 停机, answered, 关机 three times in
/// 40 h (invalid by the plan's rule), 呼入限制 → 4 / 5 = 80 %.
/// Batch 新客B (source 人保): four dialled: 改号, 关机 once (tried again, not invalid),
/// answered by a fax (the agent's invalid_number disposition), an imported call that ended
/// invalid without a cause → 3 / 4 = 75 %.
final class ListQualityByCauseTests: XCTestCase {
    private let first = Date().addingTimeInterval(-40 * 3600)

    private func callEveryLead(_ server: TestServer) async throws -> CallCauseStage {
        try await CallCauseStage.importBatch(server, "续保A", source: "平安",
                                             ["13900139001", "13900139002", "13900139003", "13900139004", "13900139005"])
        try await CallCauseStage.importBatch(server, "新客B", source: "人保", ["13700137001", "13700137002", "13700137003", "13700137004"])
        let people = UserAdministration(database: server.app.db, actor: .console(), passwords: server.app.passwordHashing)
        _ = try await people.createUser(.init(username: "zhang", role: .agent, teamName: nil, password: "secret-pass-1"))
        let stage = try await CallCauseStage.campaign(server, batches: ["续保A", "新客B"])

        try await stage.call("13900139001", .vacant, evidence: "sip 404")
        try await stage.call("13900139002", .suspended, evidence: "announcement suspended 0.91; sip 480")
        try await stage.call("13900139003", .human, evidence: "sip 200", agent: "zhang")
        for hours in [0.0, 20, 40] {
            try await stage.call("13900139004", .poweredOff, evidence: "sip 480; q850 20", at: first.addingTimeInterval(hours * 3600))
        }
        try await stage.call("13900139005", .barred, evidence: "sip 403")
        try await stage.call("13700137001", .numberChanged, evidence: "sip 410")
        try await stage.call("13700137002", .poweredOff, evidence: "sip 480; q850 20")
        let fax = try await stage.call("13700137003", .human, evidence: "sip 200", agent: "zhang")
        _ = try await DispositionRecorder(database: server.app.db, clock: LocalClock())
            .save(.init(call_id: fax.callID, code: "invalid_number", note: "传真机"), agent: "zhang", actor: .console())
        // An event file from before causes were kept: outcome invalid, no cause.
        let imported = try await leadID(stage, "13700137004")
        try await EventStore(database: server.app.db, clock: LocalClock()).insert([.callAttempt(CallAttemptRecord(
            callID: "old-1", leadID: String(imported), campaignID: "旧系统", number: "13700137004",
            placedAt: Date().addingTimeInterval(-60), endedAt: Date().addingTimeInterval(-55), outcome: .invalid,
            listBatch: "新客B", listSource: "人保"))])
        return stage
    }

    private func leadID(_ stage: CallCauseStage, _ number: String) async throws -> Int {
        struct Row: Decodable { var id: Int }
        let row = try await stage.sql.raw("SELECT id FROM leads WHERE phone_key = \(bind: "+86" + number)").first(decoding: Row.self)
        return try XCTUnwrap(row?.id)
    }

    private let batchA: [String: Int] = ["vacant": 1, "suspended": 1, "number_changed": 0, "powered_off": 1, "unreachable": 0,
                                         "barred": 1, "disposition": 0, "unspecified": 0]
    private let batchB: [String: Int] = ["vacant": 0, "suspended": 0, "number_changed": 1, "powered_off": 0, "unreachable": 0,
                                         "barred": 0, "disposition": 1, "unspecified": 1]

    func testTheInvalidRateByCausePerBatchAndSourceInTheAPIAndTheCommandLine() async throws {
        try await TestServer.with { server in
            _ = try await callEveryLead(server)
            let admin = try await server.adminToken()
            let batches = try await server.request(.GET, "/api/v1/batches", token: admin).jsonArray
            func batch(_ name: String) -> [String: Any] { batches.first { $0["name"] as? String == name } ?? [:] }
            XCTAssertEqual(batch("续保A")["dialled"] as? Int, 5)
            XCTAssertEqual(batch("续保A")["invalid_leads"] as? Int, 4)
            XCTAssertEqual(try XCTUnwrap(batch("续保A")["invalid_lead_rate"] as? Double), 0.8, accuracy: 1e-9)
            XCTAssertEqual(batch("续保A")["invalid_by_cause"] as? [String: Int], batchA)
            XCTAssertEqual(batch("新客B")["dialled"] as? Int, 4)
            XCTAssertEqual(batch("新客B")["invalid_leads"] as? Int, 3)
            XCTAssertEqual(try XCTUnwrap(batch("新客B")["invalid_lead_rate"] as? Double), 0.75, accuracy: 1e-9)
            XCTAssertEqual(batch("新客B")["invalid_by_cause"] as? [String: Int], batchB)

            let sources = try await server.request(.GET, "/api/v1/sources", token: admin).jsonArray
            let pingan = try XCTUnwrap(sources.first { $0["name"] as? String == "平安" })
            XCTAssertEqual(pingan["dialled"] as? Int, 5)
            XCTAssertEqual(pingan["invalid_leads"] as? Int, 4)
            XCTAssertEqual(pingan["invalid_by_cause"] as? [String: Int], batchA)
            let renbao = try XCTUnwrap(sources.first { $0["name"] as? String == "人保" })
            XCTAssertEqual(try XCTUnwrap(renbao["invalid_lead_rate"] as? Double), 0.75, accuracy: 1e-9)

            // The same figures from the command line, on the same database.
            var storage = ["--data-dir", server.dataDirectory]
            if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] { storage += ["--database", url] }
            let plain = try WaihuExecutable.run(["batch", "list"] + storage)
            XCTAssertEqual(plain.status, 0, plain.stderr)
            let header = try XCTUnwrap(plain.stdout.split(separator: "\n").first)
            XCTAssertTrue(header.contains("DIALLED") && header.contains("FOUND INVALID"), plain.stdout)
            let lineA = try XCTUnwrap(plain.stdout.split(separator: "\n").first { $0.hasPrefix("续保A") })
            XCTAssertTrue(lineA.contains("80.0%"), plain.stdout)
            let causes = try WaihuExecutable.run(["batch", "list", "--causes"] + storage)
            XCTAssertEqual(causes.status, 0, causes.stderr)
            let table = causes.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            XCTAssertEqual(table.first, ["BATCH", "SOURCE", "DIALLED", "INVALID", "RATE", "VACANT", "SUSPENDED", "NUMBER_CHANGED",
                                         "POWERED_OFF", "UNREACHABLE", "BARRED", "DISPOSITION", "UNSPECIFIED"], causes.stdout)
            XCTAssertTrue(table.contains(["续保A", "平安", "5", "4", "80.0%", "1", "1", "0", "1", "0", "1", "0", "0"]), causes.stdout)
            XCTAssertTrue(table.contains(["新客B", "人保", "4", "3", "75.0%", "0", "0", "1", "0", "0", "0", "1", "1"]), causes.stdout)
            let bySource = try WaihuExecutable.run(["source", "list", "--causes"] + storage)
            XCTAssertTrue(bySource.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
                .contains(["人保", "4", "3", "75.0%", "0", "0", "1", "0", "0", "0", "1", "1"]), bySource.stdout)
        }
    }

    /// The list-quality report (by batch) and the campaign report break 无效数据总量 down the
    /// same way over the period; the lead export carries each lead's last cause.
    func testTheReportsAndTheExportCarryTheCauses() async throws {
        try await TestServer.with { server in
            let stage = try await callEveryLead(server)
            let admin = try await server.adminToken()
            let clock = LocalClock()
            let from = clock.dayAndHour(first).day, to = clock.dayAndHour(Date()).day
            let quality = try ReportReply(try await server.request(.GET, "/api/v1/reports/list_quality?from=\(from)&to=\(to)&group_by=batch",
                                                                    token: admin))
            for cause in InvalidLeadCause.allCases {
                XCTAssertTrue(quality.columns.contains("invalid_data_total_\(cause.rawValue)"), cause.rawValue)
            }
            for (batch, expected) in [("续保A", batchA), ("新客B", batchB)] {
                for (cause, count) in expected {
                    XCTAssertEqual(quality.value(batch, "invalid_data_total_\(cause)"), Double(count), "\(batch) \(cause)")
                }
            }
            XCTAssertEqual(quality.value("续保A", "invalid_data_total"), 4)
            XCTAssertEqual(try XCTUnwrap(quality.value("续保A", "invalid_rate")), 80, accuracy: 1e-9)
            XCTAssertEqual(try XCTUnwrap(quality.value("新客B", "invalid_rate")), 75, accuracy: 1e-9)
            XCTAssertEqual(quality.value("total", "invalid_data_total_powered_off"), 1)

            let campaign = try ReportReply(try await server.request(.GET, "/api/v1/reports/campaign?from=\(from)&to=\(to)", token: admin))
            XCTAssertEqual(campaign.value("续保", "invalid_data_total"), 6, "the campaign's own calls: not the imported one")
            XCTAssertEqual(campaign.value("续保", "invalid_data_total_vacant"), 1)
            XCTAssertEqual(campaign.value("续保", "invalid_data_total_disposition"), 1)

            // The export: each lead's last cause and its evidence; a lead never called has none.
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("causes-\(UUID().uuidString).csv")
            try await LeadExporter(database: server.app.db, actor: .console()).export(batchName: nil, format: .csv, to: url)
            let rows = LeadFixtures.byKey(try LeadFixtures.readCSV(url))
            XCTAssertEqual(rows["+8613900139001"]?["last_cause"], "vacant")
            XCTAssertEqual(rows["+8613900139001"]?["last_evidence"], "sip 404")
            XCTAssertEqual(rows["+8613900139004"]?["last_cause"], "powered_off")
            XCTAssertEqual(rows["+8613900139004"]?["status"], "invalid")
            XCTAssertEqual(rows["+8613700137004"]?["last_cause"], "", "only an imported event: no campaign call")
            _ = stage
        }
    }
}
