import Foundation
import SQLKit
import WaihuDomain

/// Where `LeadImporter` looks phone keys up and writes leads inside the import's Fluent
/// transaction, on PostgreSQL: SQLKit queries with binds, multi-row INSERTs. SQLite imports
/// run on a connection of their own instead (`SQLiteLeadImport`).
struct SQLKitLeadImportStore: Sendable {
    /// Rows per INSERT statement: 17 columns each stays under PostgreSQL's 65,535 binds.
    static let insertChunk = 1000
    /// Keys per `IN (…)` lookup.
    static let lookupChunk = 1000

    let database: any SQLDatabase
    let batchID: Int
    let now: Date

    func lookUp(keys: [String], today: String) async throws -> PhoneKeySets {
        var sets = PhoneKeySets()
        let unique = Array(Set(keys))
        var start = 0
        while start < unique.count {
            let chunk = Array(unique[start..<min(start + Self.lookupChunk, unique.count)])
            start += Self.lookupChunk
            let existing = try await database.select().column("phone_key").from(LeadRecord.schema)
                .where("phone_key", .in, chunk)
                .all(decodingColumn: "phone_key", as: String.self)
            sets.existing.formUnion(existing)
            let blocked = try await database.select().column("phone_key").from(DoNotCallRecord.schema)
                .where("phone_key", .in, chunk)
                .where(SQLRaw(DoNotCallRule.sqlCondition(lastDayColumn: #""until""#, on: today)))
                .all(decodingColumn: "phone_key", as: String.self)
            sets.doNotCall.formUnion(blocked)
        }
        return sets
    }

    func insert(_ rows: [LeadInsertRow]) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + Self.insertChunk, rows.count)
            let insert = database.insert(into: LeadRecord.schema).columns(LeadInsertRow.columns)
            for row in rows[start..<end] {
                var values: [any Encodable & Sendable] = row.texts
                values += [batchID, LeadStatus.new.rawValue, now, now] as [any Encodable & Sendable]
                insert.values(values)
            }
            try await insert.run()
            start = end
        }
    }
}
