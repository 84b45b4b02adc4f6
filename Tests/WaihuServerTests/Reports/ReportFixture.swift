import Foundation
import XCTest

/// The hand-written two-day file Tests/Fixtures/reports-two-days.jsonl (3 agents, 2 teams,
/// 2 campaigns, every event type) and helpers to read report replies.
enum ReportFixture {
    static var text: String {
        (try? String(contentsOfFile: packageRoot + "/Tests/Fixtures/reports-two-days.jsonl", encoding: .utf8)) ?? ""
    }

    static let period = "from=2026-11-02&to=2026-11-03"

    /// Imports the fixture as admin through the API.
    static func importFixture(_ server: TestServer, token: String) async throws {
        let reply = try await server.request(.POST, "/api/v1/events/import", token: token, body: text)
        XCTAssertEqual(reply.status, 201, reply.text)
        XCTAssertEqual(reply.json["imported"] as? Int, 56, reply.text)
    }
}

/// A report reply as the test reads it.
struct ReportReply {
    let object: [String: Any]

    init(_ reply: TestServer.Reply, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(reply.status, 200, reply.text, file: file, line: line)
        object = reply.json
    }

    var rows: [[String: Any]] { object["rows"] as? [[String: Any]] ?? [] }
    var keys: [String] { rows.compactMap { $0["key"] as? String } }
    var columns: [String] { (object["columns"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }

    func row(_ key: String) -> [String: Any]? {
        key == "total" ? object["total"] as? [String: Any] : rows.first { $0["key"] as? String == key }
    }

    /// The value of a column in a row; nil for JSON null (a KPI without a value).
    func value(_ key: String, _ column: String) -> Double? {
        (row(key)?["values"] as? [String: Any])?[column] as? Double
    }

    func isNull(_ key: String, _ column: String) -> Bool {
        guard let values = row(key)?["values"] as? [String: Any] else { return false }
        return values[column] is NSNull
    }
}

/// Asserts a report figure equals the hand-computed one to 0.1 % (or exactly for 0).
func assertFigure(_ report: ReportReply, _ key: String, _ column: String, _ expected: Double,
                  file: StaticString = #filePath, line: UInt = #line) {
    guard let actual = report.value(key, column) else {
        XCTFail("\(key).\(column) has no value; expected \(expected)", file: file, line: line)
        return
    }
    let tolerance = max(abs(expected) * 0.001, 1e-9)
    XCTAssertEqual(actual, expected, accuracy: tolerance, "\(key).\(column)", file: file, line: line)
}
