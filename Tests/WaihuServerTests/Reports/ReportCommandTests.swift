import Foundation
import XCTest

/// `waihu events import`, `waihu report` and `waihu simulate day` as a user runs them.
final class ReportCommandTests: XCTestCase {
    func testImportThenReportAsCSVAndXLSX() throws {
        let folder = NSTemporaryDirectory() + "waihu-report-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let storage = ["--data-dir", folder, "--database", "sqlite:" + folder + "/waihu.sqlite"]

        let bad = folder + "/bad.jsonl"
        try Data((ReportFixture.text + "\n{\"type\":\"meeting\"}\n").utf8).write(to: URL(fileURLWithPath: bad))
        let refused = try WaihuExecutable.run(["events", "import", bad] + storage)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("line 67: unknown type \"meeting\""), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("nothing imported"), refused.stderr)

        let good = folder + "/good.jsonl"
        try Data(ReportFixture.text.utf8).write(to: URL(fileURLWithPath: good))
        let imported = try WaihuExecutable.run(["events", "import", good] + storage)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("imported 56 events"), imported.stdout)

        let csv = try WaihuExecutable.run(["report", "team", "--from", "2026-11-02", "--to", "2026-11-03", "--format", "csv"] + storage)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.components(separatedBy: "\r\n")
        let loggedIn = try XCTUnwrap(lines.first?.components(separatedBy: ",").firstIndex { $0.hasPrefix("签入系统时长") }, csv.stdout)
        let t1 = try XCTUnwrap(lines.first { $0.hasPrefix("T1,") }, csv.stdout)
        XCTAssertEqual(t1.components(separatedBy: ",")[loggedIn], "11400", "logged-in seconds of T1")

        let xlsx = folder + "/agents.xlsx"
        let written = try WaihuExecutable.run(["report", "agent", "--from", "2026-11-02", "--to", "2026-11-03",
                                               "--group-by", "agent", "--format", "xlsx", "--output", xlsx] + storage)
        XCTAssertEqual(written.status, 0, written.stderr)
        let sheet = try readWorkbook(xlsx)
        XCTAssertEqual(sheet.dropFirst().compactMap { $0[0] as? String }.prefix(3), ["a1", "a2", "b1"])

        let backwards = try WaihuExecutable.run(["report", "agent", "--from", "2026-11-03", "--to", "2026-11-02"] + storage)
        XCTAssertNotEqual(backwards.status, 0)
        XCTAssertTrue(backwards.stderr.contains("--from"), backwards.stderr)
        let group = try WaihuExecutable.run(["report", "agent", "--from", "2026-11-03", "--group-by", "planet"] + storage)
        XCTAssertNotEqual(group.status, 0)
        XCTAssertTrue(group.stderr.contains("--group-by"), group.stderr)
    }

    func testSimulateDayWritesARealisticDayMarkedSimulated() throws {
        let folder = NSTemporaryDirectory() + "waihu-simulate-day-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let storage = ["--data-dir", folder, "--database", "sqlite:" + folder + "/waihu.sqlite"]
        let run = try WaihuExecutable.run(["simulate", "day", "--agents", "20", "--date", "2026-11-02"] + storage)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("marked simulated"), run.stdout)

        let json = try WaihuExecutable.run(["report", "team", "--from", "2026-11-02", "--format", "json"] + storage)
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = object["rows"] as? [[String: Any]] ?? []
        XCTAssertEqual(rows.compactMap { $0["key"] as? String }.filter { !$0.isEmpty }, ["SimTeam1", "SimTeam2"])
        let total = ((object["total"] as? [String: Any])?["values"] as? [String: Any]) ?? [:]
        let calls = try XCTUnwrap(total["calls_placed"] as? Double)
        // About 400 dials per agent in a working day.
        XCTAssertGreaterThan(calls, 20 * 250)
        XCTAssertLessThan(calls, 20 * 600)
        let efficiency = try XCTUnwrap(total["work_time_efficiency"] as? Double)
        XCTAssertGreaterThan(efficiency, 5)
        XCTAssertLessThan(efficiency, 80)
    }
}
