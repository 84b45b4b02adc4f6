import Foundation
import XCTest
@testable import WaihuServer

/// 号码检测 (mode cleanse) is off until an admin allows it with the system setting
/// `cleanse_enabled`: campaigns in that mode are refused with the setting's name, by the API
/// and the command line; the change is the admin's alone and audited (SQLite, or PostgreSQL
/// when WAIHU_TEST_DATABASE is set).
final class CleanseSettingTests: XCTestCase {
    private let cleansePlan: [String: Any] = ["mode": "cleanse", "dispositions": [] as [Any]]

    func testANumberCheckIsRefusedUntilAnAdminAllowsItAndTheChangeIsAudited() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            let supervisor = try await server.userToken("lead", role: "supervisor")
            let agent = try await server.userToken("wang", role: "agent")
            try await CallCauseStage.importBatch(server, "待检测", ["13900139001", "13900139002"])

            // Anyone logged in reads the settings (the campaign form does); it is off.
            let listed = try await server.request(.GET, "/api/v1/settings", token: agent)
            XCTAssertEqual(listed.status, 200, listed.text)
            let setting = try XCTUnwrap(listed.jsonArray.first { $0["key"] as? String == "cleanse_enabled" })
            XCTAssertEqual(setting["value"] as? Bool, false)
            XCTAssertEqual(setting["default"] as? Bool, false)
            XCTAssertEqual(setting["zh"] as? String, "允许号码检测")

            let refused = try await server.request(.POST, "/api/v1/campaigns", token: supervisor,
                                                   body: ["name": "号码检测", "batches": ["待检测"], "plan": cleansePlan])
            XCTAssertEqual(refused.status, 403, refused.text)
            XCTAssertTrue(refused.text.contains("cleanse_enabled"), refused.text)

            // Only an admin changes it; a bad value or an unknown setting is refused.
            let notAdmin = try await server.request(.PATCH, "/api/v1/settings/cleanse_enabled", token: supervisor, body: ["value": true])
            XCTAssertEqual(notAdmin.status, 403, notAdmin.text)
            let bad = try await server.request(.PATCH, "/api/v1/settings/cleanse_enabled", token: admin, body: ["value": "maybe"])
            XCTAssertEqual(bad.status, 400, bad.text)
            let unknown = try await server.request(.PATCH, "/api/v1/settings/dial_faster", token: admin, body: ["value": true])
            XCTAssertEqual(unknown.status, 404, unknown.text)
            let allowed = try await server.request(.PATCH, "/api/v1/settings/cleanse_enabled", token: admin, body: ["value": true])
            XCTAssertEqual(allowed.status, 200, allowed.text)
            XCTAssertEqual(allowed.json["value"] as? Bool, true)
            XCTAssertEqual(allowed.json["changed_by"] as? String, "admin")
            let audit = try await server.request(.GET, "/api/v1/audit?action=setting_changed", token: admin).jsonArray
            XCTAssertEqual(audit.count, 1, "the refused attempts changed nothing: \(audit)")
            XCTAssertEqual(audit.first?["target"] as? String, "cleanse_enabled")
            XCTAssertEqual(audit.first?["detail"] as? String, "false → true")

            // Now a number check is made without a prompt, agents or dispositions.
            let created = try await server.request(.POST, "/api/v1/campaigns", token: supervisor,
                                                   body: ["name": "号码检测", "batches": ["待检测"], "plan": cleansePlan])
            XCTAssertEqual(created.status, 201, created.text)
            let id = try XCTUnwrap(created.json["id"] as? Int)
            XCTAssertEqual(created.json["mode"] as? String, "cleanse")

            // Turned off again from the command line: starting it is refused, naming the setting.
            var storage = ["--data-dir", server.dataDirectory]
            if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] { storage += ["--database", url] }
            let off = try WaihuExecutable.run(["settings", "set", "cleanse_enabled", "off"] + storage)
            XCTAssertEqual(off.status, 0, off.stderr)
            XCTAssertEqual(off.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "cleanse_enabled = false")
            let list = try WaihuExecutable.run(["settings", "list"] + storage)
            let row = try XCTUnwrap(list.stdout.split(separator: "\n").first { $0.hasPrefix("cleanse_enabled") }, list.stdout)
            XCTAssertEqual(row.split(separator: " ").prefix(3).map(String.init), ["cleanse_enabled", "false", "false"])
            XCTAssertTrue(row.contains("cli:"), "changed by the console's operator: \(row)")
            let typo = try WaihuExecutable.run(["settings", "set", "cleanse_enabled", "perhaps"] + storage)
            XCTAssertNotEqual(typo.status, 0)
            XCTAssertTrue(typo.stderr.contains("not true or false"), typo.stderr)

            let start = try await server.request(.POST, "/api/v1/campaigns/\(id)/start", token: supervisor)
            XCTAssertEqual(start.status, 403, start.text)
            XCTAssertTrue(start.text.contains("cleanse_enabled"), start.text)

            // Allowed again: the setting no longer stands in the way (this test server runs no
            // SIP, which is the next thing a start needs).
            _ = try await server.request(.PATCH, "/api/v1/settings/cleanse_enabled", token: admin, body: ["value": "on"])
            let next = try await server.request(.POST, "/api/v1/campaigns/\(id)/start", token: supervisor)
            XCTAssertEqual(next.status, 409, next.text)
            XCTAssertFalse(next.text.contains("cleanse_enabled"), next.text)
            XCTAssertTrue(next.text.contains("telephony"), next.text)
            let changes = try await server.request(.GET, "/api/v1/audit?action=setting_changed", token: admin).jsonArray
            XCTAssertEqual(changes.count, 3)
        }
    }
}
