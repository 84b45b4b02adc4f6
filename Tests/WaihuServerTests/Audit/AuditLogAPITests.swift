import XCTest
@testable import WaihuServer

final class AuditLogAPITests: XCTestCase {
    func testPrivilegedActionsAreAuditedWithWhoWhatAndWhere() async throws {
        try await TestServer.with { server in
            _ = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "admin", "password": "wrong-password"])
            let admin = try await server.adminToken()
            _ = try await server.request(.POST, "/api/v1/users", token: admin, body: ["username": "qa1", "role": "qa", "password": "secret-123"])
            let users = try await server.request(.GET, "/api/v1/users", token: admin).jsonArray
            let id = try XCTUnwrap(users.first { $0["username"] as? String == "qa1" }?["id"] as? String)
            _ = try await server.request(.PATCH, "/api/v1/users/\(id)", token: admin, body: ["role": "list_manager"])

            let entries = try await server.request(.GET, "/api/v1/audit", token: admin).jsonArray
            let actions = entries.map { $0["action"] as? String ?? "" }
            // Newest first.
            XCTAssertEqual(Array(actions.prefix(4)), ["user_changed", "user_created", "login", "login_failed"])
            let failed = try XCTUnwrap(entries.first { $0["action"] as? String == "login_failed" })
            XCTAssertEqual(failed["target"] as? String, "admin")
            XCTAssertEqual(failed["address"] as? String, "127.0.0.1")
            let change = try XCTUnwrap(entries.first)
            XCTAssertEqual(change["actor"] as? String, "admin")
            XCTAssertEqual(change["target"] as? String, "qa1")
            XCTAssertTrue((change["detail"] as? String ?? "").contains("role=list_manager"))

            let filtered = try await server.request(.GET, "/api/v1/audit?action=login_failed", token: admin).jsonArray
            XCTAssertEqual(filtered.count, 1)
        }
    }

    func testTheAuditLogCannotBeChangedThroughTheAPI() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            let entries = try await server.request(.GET, "/api/v1/audit", token: admin).jsonArray
            let id = try XCTUnwrap(entries.first?["id"] as? Int)
            for method in [HTTPMethod.DELETE, .PUT, .PATCH, .POST] {
                let paths = ["/api/v1/audit", "/api/v1/audit/\(id)"]
                for path in paths {
                    let status = try await server.request(method, path, token: admin, body: ["detail": "x"]).status
                    XCTAssertTrue(status == 404 || status == 405, "\(method) \(path) answered \(status)")
                }
            }
            let after = try await server.request(.GET, "/api/v1/audit", token: admin).jsonArray
            XCTAssertEqual(after.first?["id"] as? Int, id)
            XCTAssertEqual(after.count, entries.count)
        }
    }
}
