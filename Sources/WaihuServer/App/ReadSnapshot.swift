import Fluent
import SQLKit

/// Several reads that must see the database at one moment.
///
/// A wallboard's figures are two queries (per team, per agent). Run one after the other, an
/// import committed between them gave a wallboard agents with the new calls and teams
/// without them. In one snapshot both see the same commits: SQLite holds a read transaction's
/// snapshot (WAL) from its first read to its end; PostgreSQL needs REPEATABLE READ for that,
/// since READ COMMITTED takes a new snapshot for every statement. Read-only, so it never
/// contends with writers.
enum ReadSnapshot {
    static func run<T: Sendable>(on database: Database, _ body: @escaping @Sendable (SQLDatabase) async throws -> T) async throws -> T {
        try await database.transaction { db in
            guard let sql = db as? SQLDatabase else { throw EventStoreError.notSQL }
            if sql.dialect.name == "postgresql" {
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
            }
            return try await body(sql)
        }
    }
}
