import Fluent
import FluentSQLiteDriver
import Foundation

/// Runs a write transaction, again if SQLite refused it for a concurrent writer.
///
/// SQLite in WAL mode lets one connection write at a time. A transaction that read first
/// and then writes fails with SQLITE_BUSY (snapshot) when another connection committed in
/// between; the busy handler cannot wait that out, the transaction has to start again. The
/// dialer, the desks and the pages all write, so every write transaction of the server goes
/// through here (none calls `database.transaction` itself; lead imports have their own
/// `BEGIN IMMEDIATE` path). A body reads what it changes inside the transaction, so a second
/// attempt starts from the stored state. PostgreSQL never sees these errors and runs the body once.
enum WriteRetry {
    static func transaction<T: Sendable>(on database: Database, attempts: Int = 8,
                                         _ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await database.transaction(body)
            } catch let error as SQLiteError where attempt < attempts && Self.isContention(error) {
                // A short, growing pause lets the other writer finish.
                try await Task.sleep(for: .milliseconds(5 * attempt * attempt))
            }
        }
    }

    static func isContention(_ error: SQLiteError) -> Bool {
        switch error.reason {
        case .busy, .locked, .busyInSnapshot, .busyInRecovery, .busyTimeout: return true
        default: return false
        }
    }
}
