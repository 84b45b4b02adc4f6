import Fluent
import Foundation
import SQLKit
import WaihuDomain

/// Finding, showing and editing leads for one user. An agent sees only the leads of
/// batches assigned to their team; the other roles that open 客户名单 see every lead.
/// Every edit is written to `lead_history`, field by field, in the same transaction.
public struct LeadDirectory: Sendable {
    public let database: Database
    public let user: UserRecord

    public init(database: Database, user: UserRecord) {
        self.database = database
        self.user = user
    }

    /// The batches this user may see; nil for all.
    func visibleBatchIDs(on db: Database) async throws -> [Int]? {
        guard user.role == .agent else { return nil }
        guard let teamID = user.$team.id else { return [] }
        return try await BatchTeamRecord.query(on: db).filter(\.$teamID == teamID).all().map(\.batchID)
    }

    /// Leads whose phone, name or plate match `query` (all leads when it is empty), by id:
    /// how many there are, and the page asked for, each lead as the JSON of its `LeadView`.
    public func search(_ query: String?, batchID: Int? = nil, limit: Int = 50, offset: Int = 0) async throws -> (total: Int, leadsJSON: [String]) {
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        let search = LeadSearchQuery(agentTeam: user.role == .agent ? .some(user.$team.id) : nil, batchID: batchID, text: query ?? "")
        let total = try await search.count(on: sql)
        guard total > offset else { return (total, []) }
        return (total, try await search.pageJSON(limit: max(1, min(limit, 500)), offset: offset, on: sql))
    }

    public func lead(_ id: Int) async throws -> LeadView {
        let record = try await visibleRecord(id, on: database)
        return try await views([record], on: database)[0]
    }

    public func history(_ id: Int) async throws -> [LeadHistoryView] {
        _ = try await visibleRecord(id, on: database)
        return try await LeadHistoryRecord.query(on: database).filter(\.$leadID == id)
            .sort(\.$at, .descending).sort(\.$id, .descending).all()
            .map { LeadHistoryView(at: $0.at, actor: $0.actor, field: $0.field, old: $0.oldValue, new: $0.newValue) }
    }

    /// Applies `changes` (field name → new value; empty text clears the field) and records each
    /// field that really changes. Fields: name, plate, car_model, vin, engine_number,
    /// renewal_date, expiry_date, status, extension.
    public func edit(_ id: Int, changes: [String: String?]) async throws -> LeadView {
        try await WriteRetry.transaction(on: database) { db in
            let record = try await visibleRecord(id, on: db)
            var history: [(String, String?, String?)] = []
            for (field, rawValue) in changes.sorted(by: { $0.key < $1.key }) {
                let value = rawValue.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
                let keyPath: ReferenceWritableKeyPath<LeadRecord, String?>
                var newValue = value
                switch field {
                case "name": keyPath = \.name
                case "car_model": keyPath = \.carModel
                case "vin": keyPath = \.vin
                case "engine_number": keyPath = \.engineNumber
                case "extension": keyPath = \.extensionNumber
                case "plate":
                    keyPath = \.plate
                    newValue = value.flatMap(LicensePlate.canonical)
                case "renewal_date", "expiry_date":
                    keyPath = field == "renewal_date" ? \.renewalDate : \.expiryDate
                    if let value {
                        guard let date = LeadDateParser.parse(value) else {
                            throw LeadAccessError.invalidValue(field: field, value: value, expected: "a date (YYYY-MM-DD)")
                        }
                        newValue = date.isoString
                    }
                case "status":
                    guard let value, LeadStatus(rawValue: value) != nil else {
                        throw LeadAccessError.invalidValue(field: field, value: value ?? "", expected:
                            LeadStatus.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    if record.statusName != value {
                        history.append((field, record.statusName, value))
                        record.statusName = value
                    }
                    continue
                default:
                    throw LeadAccessError.unknownField(field)
                }
                let old = record[keyPath: keyPath]
                if old != newValue {
                    history.append((field, old, newValue))
                    record[keyPath: keyPath] = newValue
                }
            }
            guard !history.isEmpty else { return try await views([record], on: db)[0] }
            try await record.update(on: db)
            let now = Date()
            for (field, old, new) in history {
                try await LeadHistoryRecord(leadID: id, at: now, actor: user.username, field: field, oldValue: old, newValue: new).create(on: db)
            }
            return try await views([record], on: db)[0]
        }
    }

    private func visibleRecord(_ id: Int, on db: Database) async throws -> LeadRecord {
        guard let record = try await LeadRecord.find(id, on: db) else { throw LeadAccessError.notFound }
        if let visible = try await visibleBatchIDs(on: db), !visible.contains(record.batchID) {
            // The same answer as a lead that does not exist: an agent learns nothing about other teams' lists.
            throw LeadAccessError.notFound
        }
        return record
    }

    func views(_ records: [LeadRecord], on db: Database) async throws -> [LeadView] {
        let batchIDs = Array(Set(records.map(\.batchID)))
        guard !batchIDs.isEmpty else { return [] }
        let batches = try await BatchRecord.query(on: db).filter(\.$id ~~ batchIDs).with(\.$source).all()
        var names: [Int: (String, String)] = [:]
        for batch in batches { names[batch.id!] = (batch.name, batch.source.name) }
        return try records.map { record in
            let (batch, source) = names[record.batchID] ?? ("", "")
            return try LeadView(record, batch: batch, source: source)
        }
    }
}
