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

    /// A new SQLite database is made with 8 KiB pages and in WAL mode, read from the file
    /// itself by another connection (the header's page size; WAL leaves version bytes 2).
    /// The server uses its own SQLite file even in the PostgreSQL run, so both runs check it.
    func testANewSQLiteDatabaseHasEightKiBPagesAndWAL() async throws {
        try await TestServer.with(configure: { $0.database = nil }) { server in
            let file = server.dataDirectory + "/waihu.sqlite"
            let header = try XCTUnwrap(FileManager.default.contents(atPath: file)?.prefix(20))
            XCTAssertEqual(Array(header.prefix(15)), Array("SQLite format 3".utf8))
            let start = header.startIndex
            XCTAssertEqual(Int(header[start + 16]) << 8 | Int(header[start + 17]), 8192, "page size")
            XCTAssertEqual(header[start + 18], 2, "write version: WAL")
            XCTAssertEqual(header[start + 19], 2, "read version: WAL")
        }
    }
}
