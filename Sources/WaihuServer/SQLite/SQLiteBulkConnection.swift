import Foundation
import SQLiteNIO
import VaporCSQLite

/// A plain connection to waihu's SQLite file for bulk writes: statements prepared once and
/// stepped row by row, with no thread hop, future or bind array per statement.
///
/// It calls the SQLite that SQLiteNIO bundles (`VaporCSQLite`), never a second copy of the
/// library: two copies in one process would each keep their own POSIX lock table for the
/// same file, and closing one copy's descriptor silently drops the other's locks
/// (docs/decisions/0001-bulk-sqlite-connection.md). Every call blocks; use it from a thread
/// of its own, never from an event loop.
final class SQLiteBulkConnection {
    private var handle: OpaquePointer?
    let path: String

    /// Opens the database file read-write; it must exist (waihu's migrations made it).
    init(path: String, busyTimeoutMilliseconds: Int32 = 5000) throws {
        self.path = path
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "cannot open"
            sqlite_nio_sqlite3_close(handle)
            handle = nil
            throw SQLiteBulkError(code: status, message: "\(path): \(message)")
        }
        sqlite_nio_sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
    }

    deinit {
        close()
    }

    func close() {
        guard let open = handle else { return }
        sqlite_nio_sqlite3_close_v2(open)
        handle = nil
    }

    /// Runs statements without results (`BEGIN IMMEDIATE`, `PRAGMA …`).
    func execute(_ sql: String) throws {
        let status = sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil)
        try check(status, sql)
    }

    func prepare(_ sql: String) throws -> SQLitePreparedStatement {
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        try check(status, sql)
        return SQLitePreparedStatement(statement!, connection: self)
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite_nio_sqlite3_changes64(handle)) }

    var lastInsertedRowID: Int64 { sqlite_nio_sqlite3_last_insert_rowid(handle) }

    func check(_ status: Int32, _ context: String) throws {
        guard status != SQLITE_OK, status != SQLITE_ROW, status != SQLITE_DONE else { return }
        let message = sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "error \(status)"
        throw SQLiteBulkError(code: status, message: "\(message) (\(context.prefix(80)))")
    }
}
