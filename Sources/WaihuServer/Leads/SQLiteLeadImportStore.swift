import FluentSQLiteDriver
import Foundation
import Logging
import WaihuDomain

/// The import store for SQLite: SQL text written once per statement shape and values
/// handed to SQLite as `SQLiteData`, without SQLKit's query builder and its per-value
/// `Encodable` conversion, which cost more than SQLite's own work per row.
struct SQLiteLeadImportStore: LeadImportStore {
    /// Rows per INSERT: 17 × 1,900 binds stays under SQLite's limit of 32,766 per statement.
    static let insertChunk = 1900
    /// Keys per `IN (…)` lookup.
    static let lookupChunk = 4000
    /// Page cache for the import's connection, in KiB (SQLite's default is 2,000 KiB). Keys
    /// land all over the `phone_key` index; with the default cache every insert into a
    /// large table reads and spills index pages. The cache is bounded, so memory still
    /// does not grow with the file, and the connection gets its default back afterwards.
    static let importCacheKiB = 65_536

    let database: any SQLiteDatabase
    let logger: Logger
    let batchID: Int
    let now: Date

    init(database: any SQLiteDatabase, logger: Logger, batchID: Int, now: Date) {
        self.database = database
        self.logger = logger
        self.batchID = batchID
        self.now = now
    }

    func lookUp(keys: [String], today: String) async throws -> PhoneKeySets {
        var sets = PhoneKeySets()
        let unique = Array(Set(keys))
        var start = 0
        while start < unique.count {
            let chunk = unique[start..<min(start + Self.lookupChunk, unique.count)]
            start += Self.lookupChunk
            let placeholders = Self.placeholders(chunk.count)
            var binds = chunk.map { SQLiteData.text($0) }
            let existing = try await rows("SELECT \"phone_key\" FROM \"\(LeadRecord.schema)\" WHERE \"phone_key\" IN (" + placeholders + ")", binds)
            sets.existing.formUnion(existing.compactMap { $0.column("phone_key")?.string })
            binds.append(.text(today))
            let blocked = try await rows("SELECT \"phone_key\" FROM \"\(DoNotCallRecord.schema)\" WHERE \"phone_key\" IN (" + placeholders
                + #") AND ("until" IS NULL OR "until" >= ?)"#, binds)
            sets.doNotCall.formUnion(blocked.compactMap { $0.column("phone_key")?.string })
        }
        return sets
    }

    func insert(_ rows: [LeadInsertRow]) async throws {
        let constants: [SQLiteData] = [.integer(SQLiteInt64(batchID)), .text(LeadStatus.new.rawValue), now.sqliteData ?? .null, now.sqliteData ?? .null]
        var binds: [SQLiteData] = []
        var start = 0
        while start < rows.count {
            let end = min(start + Self.insertChunk, rows.count)
            binds.removeAll(keepingCapacity: true)
            binds.reserveCapacity((end - start) * LeadInsertRow.columns.count)
            for row in rows[start..<end] {
                for text in row.texts { binds.append(text.map { .text($0) } ?? .null) }
                binds.append(contentsOf: constants)
            }
            let sql = end - start == Self.insertChunk ? Self.fullInsert : Self.insertStatement(rows: end - start)
            try await database.query(sql, binds, logger: logger) { _ in }.get()
            start = end
        }
    }

    func tunedForImport<T>(_ body: () async throws -> T) async throws -> T {
        let previous = try await rows("PRAGMA cache_size", []).first?.column("cache_size")?.integer.map { Int($0) } ?? -2000
        _ = try await rows("PRAGMA cache_size = \(-Self.importCacheKiB)", [])
        do {
            let result = try await body()
            _ = try await rows("PRAGMA cache_size = \(previous)", [])
            return result
        } catch {
            _ = try? await rows("PRAGMA cache_size = \(previous)", [])
            throw error
        }
    }

    private func rows(_ sql: String, _ binds: [SQLiteData]) async throws -> [SQLiteRow] {
        try await database.query(sql, binds)
    }

    private static let fullInsert = insertStatement(rows: insertChunk)

    /// `INSERT INTO "leads" (…) VALUES (?, …), (?, …)…` for `rows` rows.
    static func insertStatement(rows: Int) -> String {
        let columns = LeadInsertRow.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let row = "(" + placeholders(LeadInsertRow.columns.count) + ")"
        return "INSERT INTO \"\(LeadRecord.schema)\" (\(columns)) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
