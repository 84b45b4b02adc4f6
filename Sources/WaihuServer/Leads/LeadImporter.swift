import Fluent
import Foundation
import SQLKit
import WaihuDomain

/// Imports one lead list file into the database: reads it batch by batch with
/// `LeadFileReader`, looks the batch's phone keys up in `leads` and `do_not_call`,
/// classifies each row with the domain's `LeadRowClassifier` and inserts the imported
/// rows with multi-row INSERTs. The whole file is one transaction: an error anywhere
/// (a broken quote on row 900,000) leaves the database as it was.
///
/// The CLI (`waihu leads import`) and the API (`POST /api/v1/imports`) both run this.
public struct LeadImporter: Sendable {
    public struct Request: Sendable {
        public var file: URL
        public var batchName: String
        public var sourceName: String
        /// nil: the source's default price (0 for a new source).
        public var costPerLead: Double?
        public var options: LeadFileOptions
        /// Teams whose agents may work the batch.
        public var teamIDs: [UUID]
        /// How many rejects the report lists (nil: all).
        public var rejectListLimit: Int?

        public init(file: URL, batchName: String, sourceName: String, costPerLead: Double? = nil,
                    options: LeadFileOptions, teamIDs: [UUID] = [], rejectListLimit: Int? = nil) {
            self.file = file
            self.batchName = batchName
            self.sourceName = sourceName
            self.costPerLead = costPerLead
            self.options = options
            self.teamIDs = teamIDs
            self.rejectListLimit = rejectListLimit
        }
    }

    public struct Progress: Sendable {
        /// 0…1 of the file's bytes.
        public var fractionRead: Double
        /// Data rows read so far.
        public var rows: Int
        public var imported: Int
    }

    public struct Result: Sendable {
        public var batchID: Int
        public var report: ImportReport
        public var format: LeadFileFormat
    }

    /// Rows per INSERT statement; 17 columns each stays under SQLite's and PostgreSQL's bind limits.
    static let insertChunk = 1000
    /// Keys per `IN (…)` lookup.
    static let lookupChunk = 1000

    public let database: Database
    public let actor: AuditActor

    public init(database: Database, actor: AuditActor) {
        self.database = database
        self.actor = actor
    }

    public func run(_ request: Request, progress: @escaping @Sendable (Progress) -> Void = { _ in }) async throws -> Result {
        let batchName = request.batchName.trimmingCharacters(in: .whitespacesAndNewlines)
        let sourceName = request.sourceName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !batchName.isEmpty else { throw LeadImportError.emptyName("batch") }
        guard !sourceName.isEmpty else { throw LeadImportError.emptyName("source") }
        if let cost = request.costPerLead, cost < 0 { throw LeadImportError.negativeCost(cost) }
        // Open the file first: a PDF or an empty file is refused before anything is written.
        let reader = try LeadFileReader(url: request.file, options: request.options)
        // The do-not-call list holds on the real day, whatever as-of date renewal dates are computed from.
        let today = CalendarDate.today().isoString

        return try await database.transaction { db in
            guard let sql = db as? SQLDatabase else { fatalError("waihu runs on SQL databases only") }
            if try await BatchRecord.query(on: db).filter(\.$name == batchName).first() != nil {
                throw LeadImportError.batchExists(batchName)
            }
            let source: SourceRecord
            if let existing = try await SourceRecord.query(on: db).filter(\.$name == sourceName).first() {
                source = existing
            } else {
                source = SourceRecord(name: sourceName, defaultPrice: request.costPerLead ?? 0)
                try await source.create(on: db)
            }
            let batch = BatchRecord(name: batchName, sourceID: try source.requireID(),
                                    costPerLead: request.costPerLead ?? source.defaultPrice,
                                    importedAt: Date(), importedBy: actor.name)
            try await batch.create(on: db)
            let batchID = try batch.requireID()
            for teamID in request.teamIDs {
                try await BatchTeamRecord(batchID: batchID, teamID: teamID).create(on: db)
            }

            var report = ImportReport(rejectListLimit: request.rejectListLimit)
            var classifier = LeadRowClassifier()
            let encoder = JSONEncoder()
            let now = Date()
            while let rows = try reader.nextRows() {
                let keys = rows.compactMap { try? $0.phone.get().key }
                let lookup = try await Self.lookUp(keys: keys, today: today, on: sql)
                var accepted: [(LeadRow, PhoneNumber)] = []
                accepted.reserveCapacity(rows.count)
                for row in rows {
                    let outcome = classifier.classify(row, lookup: lookup)
                    report.record(row: row.row, outcome: outcome, rawPhone: row.rawPhone)
                    if case .imported(let number) = outcome { accepted.append((row, number)) }
                }
                try await Self.insert(accepted, batchID: batchID, at: now, encoder: encoder, on: sql)
                // Inserted keys are now found by the lookup inside this transaction.
                classifier.forgetImportedKeys()
                progress(Progress(fractionRead: reader.fractionRead, rows: report.rows, imported: report.imported))
            }

            batch.rows = report.rows
            batch.imported = report.imported
            batch.invalidPhone = report.invalidPhone
            batch.duplicate = report.duplicate
            batch.doNotCall = report.doNotCall
            try await batch.update(on: db)
            return Result(batchID: batchID, report: report, format: reader.format)
        }
    }

    /// The keys among `keys` that are already leads, and those on the do-not-call list today.
    static func lookUp(keys: [String], today: String, on sql: SQLDatabase) async throws -> PhoneKeySets {
        var sets = PhoneKeySets()
        let unique = Array(Set(keys))
        var start = 0
        while start < unique.count {
            let chunk = Array(unique[start..<min(start + lookupChunk, unique.count)])
            start += lookupChunk
            let existing = try await sql.select().column("phone_key").from(LeadRecord.schema)
                .where("phone_key", .in, chunk)
                .all(decodingColumn: "phone_key", as: String.self)
            sets.existing.formUnion(existing)
            let blocked = try await sql.select().column("phone_key").from(DoNotCallRecord.schema)
                .where("phone_key", .in, chunk)
                .where(group: { $0.where(SQLColumn("until"), .is, SQLLiteral.null).orWhere(SQLColumn("until"), .greaterThanOrEqual, SQLBind(today)) })
                .all(decodingColumn: "phone_key", as: String.self)
            sets.doNotCall.formUnion(blocked)
        }
        return sets
    }

    static let columns = ["phone_key", "phone", "extension", "name", "plate", "car_model", "vin", "engine_number",
                          "expiry_date", "compulsory_expiry_date", "first_registration_date", "renewal_date",
                          "extras", "batch_id", "status", "created_at", "updated_at"]

    static func insert(_ rows: [(LeadRow, PhoneNumber)], batchID: Int, at now: Date, encoder: JSONEncoder,
                       on sql: SQLDatabase) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + insertChunk, rows.count)
            let insert = sql.insert(into: LeadRecord.schema).columns(columns)
            for (row, number) in rows[start..<end] {
                let extras = row.extras.isEmpty ? "[]" : String(decoding: try encoder.encode(row.extras), as: UTF8.self)
                let values: [any Encodable & Sendable] = [
                    number.key, row.rawPhone.trimmingCharacters(in: .whitespaces), number.extensionNumber,
                    row.name, row.plate?.value, row.carModel, row.vin, row.engineNumber,
                    row.expiryDate?.isoString, row.compulsoryExpiryDate?.isoString,
                    row.firstRegistrationDate?.isoString, row.renewalDate?.isoString,
                    extras, batchID, LeadStatus.new.rawValue, now, now,
                ]
                insert.values(values)
            }
            try await insert.run()
            start = end
        }
    }
}
