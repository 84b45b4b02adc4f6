import Fluent
import Foundation
import SQLKit
import Vapor
import WaihuDomain

/// The do-not-call list (禁呼名单): numbers the dialer must never call, for good or until
/// a day. The CLI and the API both change it through here; every change is audited.
public struct DoNotCallList: Sendable {
    public let database: Database
    public let actor: AuditActor

    public init(database: Database, actor: AuditActor) {
        self.database = database
        self.actor = actor
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var phoneKey: String
        public var reason: String
        /// `YYYY-MM-DD`, the last day; nil: for good.
        public var until: String?
        public var addedBy: String
        public var addedAt: Date

        enum CodingKeys: String, CodingKey {
            case phoneKey = "phone_key", reason, until, addedBy = "added_by", addedAt = "added_at"
        }
    }

    /// Adds a number, or changes the reason and period of one already listed.
    @discardableResult
    public func add(_ raw: String, reason: String, until: CalendarDay?) async throws -> Entry {
        guard case .success(let number) = PhoneNumber.parse(raw) else { throw DoNotCallError.invalidNumber(raw) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw DoNotCallError.emptyReason }
        return try await WriteRetry.transaction(on: database) { db in
            let record = try await upsert(key: number.key, reason: reason, until: until?.isoString, on: db)
            try await AuditLog.record(.doNotCallChanged, by: actor, target: number.key,
                                      detail: "add reason=\(reason) until=\(until?.isoString ?? "forever")", on: db)
            return Self.entry(record)
        }
    }

    /// Takes a number off the list; throws when it is not on it.
    public func remove(_ raw: String) async throws {
        guard case .success(let number) = PhoneNumber.parse(raw) else { throw DoNotCallError.invalidNumber(raw) }
        try await WriteRetry.transaction(on: database) { db in
            guard let record = try await DoNotCallRecord.query(on: db).filter(\.$phoneKey == number.key).first() else {
                throw DoNotCallError.notListed(raw)
            }
            try await record.delete(on: db)
            try await AuditLog.record(.doNotCallChanged, by: actor, target: number.key, detail: "remove", on: db)
        }
    }

    public struct ImportSummary: Content, Sendable, Equatable {
        public struct Invalid: Content, Sendable, Equatable {
            public var line: Int
            public var value: String
        }
        public var added = 0
        public var updated = 0
        public var invalid: [Invalid] = []
    }

    /// One number a line, in any format a lead list accepts; blank lines are skipped and a
    /// header line that is not a number is reported as invalid like any other. One transaction.
    public func importLines(_ text: String, reason: String, until: CalendarDay?) async throws -> ImportSummary {
        var summary = ImportSummary()
        var keys: [String] = []
        var seen = Set<String>()
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let value = line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ",\u{FEFF}"))
            if value.isEmpty { continue }
            guard case .success(let number) = PhoneNumber.parse(value) else {
                summary.invalid.append(.init(line: index + 1, value: value))
                continue
            }
            if seen.insert(number.key).inserted { keys.append(number.key) }
        }
        let untilText = until?.isoString
        let uniqueKeys = keys
        let invalidCount = summary.invalid.count
        let (added, updated) = try await WriteRetry.transaction(on: database) { db -> (Int, Int) in
            var added = 0, updated = 0
            for key in uniqueKeys {
                let existed = try await DoNotCallRecord.query(on: db).filter(\.$phoneKey == key).first() != nil
                try await upsert(key: key, reason: reason, until: untilText, on: db)
                if existed { updated += 1 } else { added += 1 }
            }
            try await AuditLog.record(.doNotCallChanged, by: actor, target: "import",
                                      detail: "import added=\(added) updated=\(updated) invalid=\(invalidCount)", on: db)
            return (added, updated)
        }
        summary.added = added
        summary.updated = updated
        return summary
    }

    /// Entries, newest first; `query` matches a number in any spelling, or part of the key.
    public func list(query: String? = nil, limit: Int = 200, offset: Int = 0) async throws -> (total: Int, entries: [Entry]) {
        var builder = DoNotCallRecord.query(on: database)
        if let query, !query.trimmingCharacters(in: .whitespaces).isEmpty {
            if case .success(let number) = PhoneNumber.parse(query) {
                builder = builder.filter(\.$phoneKey == number.key)
            } else {
                let digits = query.filter(\.isNumber)
                builder = builder.filter(\.$phoneKey ~~ (digits.isEmpty ? query : digits))
            }
        }
        let total = try await builder.count()
        let records = try await builder.sort(\.$addedAt, .descending).sort(\.$id, .descending).range(offset..<(offset + limit)).all()
        return (total, records.map(Self.entry))
    }

    @discardableResult
    private func upsert(key: String, reason: String, until: String?, on db: Database) async throws -> DoNotCallRecord {
        if let existing = try await DoNotCallRecord.query(on: db).filter(\.$phoneKey == key).first() {
            existing.reason = reason
            existing.until = until
            existing.addedBy = actor.name
            existing.addedAt = Date()
            try await existing.update(on: db)
            return existing
        }
        let record = DoNotCallRecord(phoneKey: key, reason: reason, until: until, addedBy: actor.name, addedAt: Date())
        try await record.create(on: db)
        return record
    }

    static func entry(_ record: DoNotCallRecord) -> Entry {
        Entry(phoneKey: record.phoneKey, reason: record.reason, until: record.until, addedBy: record.addedBy, addedAt: record.addedAt)
    }
}
