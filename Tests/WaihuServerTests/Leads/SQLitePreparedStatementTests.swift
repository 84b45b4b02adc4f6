import Foundation
import XCTest
@testable import WaihuServer

/// Texts bound in place by `withPacked` stay bound after it, pointing at bytes that may be
/// gone; the statement must refuse to run on them until they are bound again or cleared.
final class SQLitePreparedStatementTests: XCTestCase {
    func testPackedTextsAreStoredAndAStaleStepIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-packed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("packed.sqlite").path
        _ = FileManager.default.createFile(atPath: file, contents: nil)

        let connection = try SQLiteBulkConnection(path: file)
        try connection.execute("CREATE TABLE t (a TEXT, b TEXT, c TEXT)")
        let insert = try connection.prepare("INSERT INTO t (a, b, c) VALUES (?, ?, ?)")
        // "沪A12345", NULL, "" packed into one buffer.
        let plate = Array("沪A12345".utf8)
        _ = try insert.withPacked(plate, ends: [Int32(plate.count), -1, Int32(plate.count)], from: 1) { try insert.step() }
        insert.resetKeepingBindings()

        XCTAssertThrowsError(try insert.step(), "a step on texts bound by an earlier withPacked")
        insert.reset()
        try insert.step() // all NULL now
        insert.reset()

        let rows = try connection.prepare("SELECT a, b, c FROM t ORDER BY rowid")
        XCTAssertTrue(try rows.step())
        XCTAssertEqual(rows.text(column: 0), "沪A12345")
        XCTAssertNil(rows.text(column: 1))
        XCTAssertEqual(rows.text(column: 2), "")
        XCTAssertTrue(try rows.step())
        XCTAssertNil(rows.text(column: 0))
        XCTAssertFalse(try rows.step())
    }
}
