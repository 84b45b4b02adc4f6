import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit
import WaihuDomain

/// Where `LeadImporter` looks phone keys up and writes leads, inside the import's Fluent
/// transaction: PostgreSQL, through SQLKit (`SQLKitLeadImportStore`). SQLite imports run on
/// a connection of their own instead (`SQLiteLeadImport`).
protocol LeadImportStore: Sendable {
    /// The keys among `keys` that are already leads, and those on the do-not-call list on `today`.
    func lookUp(keys: [String], today: String) async throws -> PhoneKeySets

    /// Inserts the rows, in order, into `leads`.
    func insert(_ rows: [LeadInsertRow]) async throws

    /// Runs `body` with the connection tuned for a bulk write, and restores it after.
    func tunedForImport<T>(_ body: () async throws -> T) async throws -> T
}

enum LeadImportStores {
    /// The store for the database of `db` (a transaction's database).
    static func store(on db: any Database, batchID: Int, at now: Date) -> any LeadImportStore {
        guard let sql = db as? any SQLDatabase else { fatalError("waihu runs on SQL databases only") }
        return SQLKitLeadImportStore(database: sql, batchID: batchID, now: now)
    }
}
