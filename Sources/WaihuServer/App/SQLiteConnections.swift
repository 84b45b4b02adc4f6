import Fluent
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Settings every pooled SQLite connection needs, not only the first one.
///
/// Fluent keeps one SQLite connection per event loop. SQLiteNIO opens each with a busy
/// handler that retries at once, forever, without sleeping: a connection that waits for
/// another writer spins a database thread. A busy timeout replaces that handler with one
/// that sleeps and gives up after 5 s (then `WriteRetry` starts the transaction again). It
/// is a setting of the connection, so it is set on each: one per event loop, kept for the
/// life of the pool.
enum SQLiteConnections {
    static let busyTimeoutMilliseconds = 5_000

    static func setBusyTimeout(_ app: Application) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            let database = app.databases.database(.sqlite, logger: app.logger, on: eventLoop)
            guard let sql = database as? SQLDatabase else { continue }
            try await sql.raw("PRAGMA busy_timeout=\(unsafeRaw: String(busyTimeoutMilliseconds))").run()
        }
    }

    /// The busy timeout of the connection of each event loop (for the tests).
    static func busyTimeouts(_ app: Application) async throws -> [Int] {
        var timeouts: [Int] = []
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let sql = app.databases.database(.sqlite, logger: app.logger, on: eventLoop) as? SQLDatabase,
                  let row = try await sql.raw("PRAGMA busy_timeout").first() else { continue }
            timeouts.append(try row.decode(column: "timeout", as: Int.self))
        }
        return timeouts
    }
}
