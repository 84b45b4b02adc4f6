import Foundation
import XCTest

/// `waihu leads`, `waihu dnc`, `waihu batch` and `waihu source` as a user runs them.
final class LeadCommandTests: XCTestCase {
    private func storage() async throws -> (args: [String], folder: String) {
        let folder = NSTemporaryDirectory() + "waihu-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] {
            try await TestServer.emptyTestDatabase()
            return (["--database", url, "--data-dir", folder], folder)
        }
        return (["--data-dir", folder], folder)
    }

    func testImportWithReportThenExportAsAUserAndDoNotCall() async throws {
        let (db, folder) = try await storage()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let added = try WaihuExecutable.run(["dnc", "add", "139-0013-9000", "--reason", "客户拒绝"] + db)
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(added.stdout.contains("+8613900139000"), added.stdout)

        let report = folder + "/report.json"
        let run = try WaihuExecutable.run(["leads", "import", LeadFixtures.branchGBK.path, "--batch", "分公司3月", "--source", "分公司",
                                           "--cost-per-lead", "0.50", "--as-of", "2026-03-01", "--report", report] + db)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("11 rows, 8 imported, 1 invalid_phone, 1 duplicate, 1 dnc"), run.stdout)
        let json = try String(contentsOfFile: report, encoding: .utf8)
        XCTAssertTrue(json.hasPrefix(#"{"rows":11,"imported":8,"invalid_phone":1,"duplicate":1,"dnc":1,"rejects":["#), json)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rejects = try XCTUnwrap(object["rejects"] as? [[String: Any]])
        XCTAssertEqual(rejects.map { $0["row"] as? Int }, [4, 5, 8])
        XCTAssertEqual(rejects.map { $0["reason"] as? String }, ["invalid_phone", "duplicate", "dnc"])

        let notes = folder + "/notes.csv"
        try "会议纪要,日期\n讨论续保,2026-03-01\n".write(toFile: notes, atomically: true, encoding: .utf8)
        let bad = try WaihuExecutable.run(["leads", "import", notes, "--batch", "x", "--source", "y"] + db)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("no phone column") && bad.stderr.contains("nothing was imported"), bad.stderr)

        for (name, role) in [("agent9", "agent"), ("boss", "admin")] {
            let user = try WaihuExecutable.run(["user", "add", name, "--role", role, "--password-stdin"] + db, stdin: "\(name)-password-1\n")
            XCTAssertEqual(user.status, 0, user.stderr)
        }
        let refused = try WaihuExecutable.run(["leads", "export", "--format", "csv", "--user", "agent9", "--output", folder + "/x.csv"] + db)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("may not export"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/x.csv"))

        let out = folder + "/leads.csv"
        let export = try WaihuExecutable.run(["leads", "export", "--batch", "分公司3月", "--format", "csv", "--user", "boss", "--output", out] + db)
        XCTAssertEqual(export.status, 0, export.stderr)
        let rows = LeadFixtures.byKey(try LeadFixtures.readCSV(URL(fileURLWithPath: out)))
        XCTAssertEqual(rows.count, 8)
        XCTAssertEqual(rows["+862162345678"]?["extension"], "801")

        let audit = try WaihuExecutable.run(["audit", "tail", "-n", "50"] + db)
        XCTAssertTrue(audit.stdout.contains("list_export_refused") && audit.stdout.contains("agent9"), audit.stdout)

        let batches = try WaihuExecutable.run(["batch", "list"] + db)
        XCTAssertTrue(batches.stdout.contains("分公司3月") && batches.stdout.contains("4.00") && batches.stdout.contains("9.1%"), batches.stdout)
        let sources = try WaihuExecutable.run(["source", "list"] + db)
        XCTAssertTrue(sources.stdout.contains("分公司"), sources.stdout)

        let list = try WaihuExecutable.run(["dnc", "list"] + db)
        XCTAssertTrue(list.stdout.contains("+8613900139000"), list.stdout)
        let removed = try WaihuExecutable.run(["dnc", "remove", "13900139000"] + db)
        XCTAssertEqual(removed.status, 0, removed.stderr)
        let dncFile = folder + "/dnc.txt"
        try "13800138000\n021 6234 5678\n坏号码\n".write(toFile: dncFile, atomically: true, encoding: .utf8)
        let imported = try WaihuExecutable.run(["dnc", "import", dncFile, "--reason", "投诉", "--forever"] + db)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("2 added, 0 updated, 1 invalid") && imported.stdout.contains("line 3"), imported.stdout)
    }
}
