import Fluent
import SQLKit
import XCTest
@testable import WaihuServer

/// The same migrations run forward, back and forward again on the test database
/// (SQLite, or PostgreSQL when WAIHU_TEST_DATABASE is set).
final class MigrationTests: XCTestCase {
    func testMigrationsRevertAndReapply() async throws {
        try await TestServer.with { server in
            let app = server.app
            let before = try await UserRecord.query(on: app.db).count()
            XCTAssertEqual(before, 1)
            try await app.autoRevert()
            let sql = try XCTUnwrap(app.db as? SQLDatabase)
            do {
                _ = try await sql.raw("SELECT COUNT(*) FROM users").all()
                XCTFail("users table should be gone after revert")
            } catch {}
            try await app.autoMigrate()
            let value1 = try await UserRecord.query(on: app.db).count()
            XCTAssertEqual(value1, 0)
            let applied = try await sql.raw("SELECT name FROM _fluent_migrations").all().count
            XCTAssertEqual(applied, WaihuMigrations.all.count)
        }
    }
}
