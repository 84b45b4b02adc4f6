import Foundation
import WaihuDomain
import WaihuMedia
import XCTest

/// `waihu announcements learn|list|remove` as a list manager types them, against a fresh
/// database (SQLite, or the PostgreSQL of WAIHU_TEST_DATABASE).
final class AnnouncementCommandTests: XCTestCase {
    private func storage() async throws -> (args: [String], folder: String) {
        let folder = NSTemporaryDirectory() + "waihu-announce-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] {
            try await TestServer.emptyTestDatabase()
            return (["--database", url, "--data-dir", folder], folder)
        }
        return (["--data-dir", folder], folder)
    }

    func testLearnListRemoveWithAuditAndRefusals() async throws {
        let (db, folder) = try await storage()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let vacant = folder + "/移动空号.wav", suspended = folder + "/suspended.wav"
        try AnnouncementWAV.announcement(seed: 1).write(to: URL(fileURLWithPath: vacant))
        try AnnouncementWAV.announcement(seed: 2).write(to: URL(fileURLWithPath: suspended))

        let first = try WaihuExecutable.run(["announcements", "learn", vacant, "--label", "vacant", "--carrier", "中国移动"] + db)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("learned announcement 1: vacant 空号 (中国移动) \"移动空号\""), first.stdout)
        // The Chinese name is a label too.
        let second = try WaihuExecutable.run(["announcements", "learn", suspended, "--label", "停机", "--name", "电信停机"] + db)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("learned announcement 2: suspended 停机 \"电信停机\""), second.stdout)

        let table = try WaihuExecutable.run(["announcements", "list"] + db)
        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, table.stdout)
        XCTAssertTrue(lines[1].hasPrefix("2") && lines[1].contains("suspended") && lines[1].contains("电信停机"), table.stdout)
        XCTAssertTrue(lines[2].hasPrefix("1") && lines[2].contains("空号") && lines[2].contains("中国移动") && lines[2].contains("cli:"), table.stdout)

        let json = try WaihuExecutable.run(["announcements", "list", "--json"] + db)
        let entries = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]], json.stdout)
        XCTAssertEqual(entries.map { $0["id"] as? Int }, [2, 1])
        XCTAssertEqual(entries.map { $0["label"] as? String }, ["suspended", "vacant"])
        XCTAssertEqual(entries[1]["carrier"] as? String, "中国移动")
        XCTAssertEqual(entries[1]["source"] as? String, "file 移动空号.wav")
        let seconds = Double(SyntheticProgressAudio.announcement(seed: 1, seconds: 5).count) / 8000
        XCTAssertEqual(try XCTUnwrap(entries[1]["duration_seconds"] as? Double), seconds, accuracy: 0.01)

        // The same recording under another label would make the verdict a coin toss.
        let again = try WaihuExecutable.run(["announcements", "learn", vacant, "--label", "powered_off"] + db)
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("is announcement 1 \"移动空号\" (vacant 空号) already"), again.stderr)

        let label = try WaihuExecutable.run(["announcements", "learn", vacant, "--label", "human"] + db)
        XCTAssertEqual(label.status, 64, "an unknown label is a wrong argument")
        XCTAssertTrue(label.stderr.contains("'human' is not an announcement label; use one of: busy (用户忙)"), label.stderr)
        for cause in CallCause.announcementLabels { XCTAssertTrue(label.stderr.contains(cause.rawValue), label.stderr) }

        for bad in AnnouncementWAV.refused {
            let path = folder + "/" + bad.name
            try bad.wav.write(to: URL(fileURLWithPath: path))
            let run = try WaihuExecutable.run(["announcements", "learn", path, "--label", "vacant"] + db)
            XCTAssertEqual(run.status, 1, bad.name)
            XCTAssertFalse(run.stderr.contains("Usage:"), "a refused recording is not a usage mistake: \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("cannot learn from this recording") && run.stderr.contains(bad.says), "\(bad.name): \(run.stderr)")
        }
        let missing = try WaihuExecutable.run(["announcements", "learn", folder + "/nothing.wav", "--label", "vacant"] + db)
        XCTAssertTrue(missing.stderr.contains("cannot read"), missing.stderr)

        let removed = try WaihuExecutable.run(["announcements", "remove", "1"] + db)
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertTrue(removed.stdout.contains("announcement 1 (vacant \"移动空号\") removed"), removed.stdout)
        let twice = try WaihuExecutable.run(["announcements", "remove", "1"] + db)
        XCTAssertNotEqual(twice.status, 0)
        XCTAssertTrue(twice.stderr.contains("no learned announcement 1"), twice.stderr)
        let after = try WaihuExecutable.run(["announcements", "list", "--json"] + db)
        let left = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(left.map { $0["id"] as? Int }, [2])
        // Removed, it no longer stands in the way of teaching that recording as something else,
        // and the new one gets a new id (ids are never reused).
        let relabel = try WaihuExecutable.run(["announcements", "learn", vacant, "--label", "powered_off"] + db)
        XCTAssertEqual(relabel.status, 0, relabel.stderr)
        XCTAssertTrue(relabel.stdout.contains("learned announcement 3: powered_off"), relabel.stdout)

        let audit = try WaihuExecutable.run(["audit", "tail", "-n", "20"] + db)
        XCTAssertEqual(audit.stdout.components(separatedBy: "announcement_learned").count - 1, 3, audit.stdout)
        XCTAssertEqual(audit.stdout.components(separatedBy: "announcement_removed").count - 1, 1, audit.stdout)
        XCTAssertTrue(audit.stdout.contains("announcement 1"), audit.stdout)
    }
}
