import Fluent
import Foundation
import SQLKit
import WaihuDomain

/// Imports one lead list file into the database: reads it batch by batch with
/// `LeadFileReader`, classifies each row with the domain's `LeadRowClassifier` against
/// `leads` and `do_not_call`, and stores the imported rows. The whole file is one
/// transaction: an error anywhere (a broken quote on row 900,000) leaves the database
/// as it was.
///
/// On SQLite the import runs on a connection of its own with prepared statements
/// (`SQLiteLeadImport`); on PostgreSQL through Fluent with batched lookups and multi-row
/// INSERTs (`SQLKitLeadImportStore`).
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
        /// The worksheet read (nil for a CSV).
        public var sheet: String?
    }

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
        let today = CalendarDay.today().isoString

        if let sql = database as? any SQLDatabase, let file = try await SQLiteLeadImport.databaseFile(of: sql) {
            var result = try await SQLiteLeadImport.run(file: file, request: request, batchName: batchName, sourceName: sourceName,
                                                        reader: reader, actor: actor, today: today, progress: progress)
            result.report.headerRow = reader.headerRow
            result.sheet = reader.sheetName
            return result
        }
        return try await WriteRetry.transaction(on: database) { db in
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

            guard let sql = db as? any SQLDatabase else { throw LeadImportError.notSQL }
            let store = SQLKitLeadImportStore(database: sql, batchID: batchID, now: Date())
            let report = try await Self.importRows(from: reader, into: store, today: today,
                                                   rejectListLimit: request.rejectListLimit, progress: progress)
            batch.rows = report.rows
            batch.imported = report.imported
            batch.invalidPhone = report.invalidPhone
            batch.duplicate = report.duplicate
            batch.doNotCall = report.doNotCall
            try await batch.update(on: db)
            var result = Result(batchID: batchID, report: report, format: reader.format)
            result.report.headerRow = reader.headerRow
            result.sheet = reader.sheetName
            return result
        }
    }

    /// Reads, classifies and stores the rows batch by batch (PostgreSQL, or SQLite without a file). While the
    /// database writes one batch, the next one is read and parsed: on two cores the file's
    /// parsing and the database's work overlap. A batch's keys are looked up only once the
    /// batch before it is stored, so a number repeated across batches is still found.
    static func importRows(from reader: LeadFileReader, into store: SQLKitLeadImportStore, today: String,
                           rejectListLimit: Int?, progress: (Progress) -> Void) async throws -> ImportReport {
        var report = ImportReport(rejectListLimit: rejectListLimit)
        var classifier = LeadRowClassifier()
        var next = try reader.nextRows()
        while let rows = next {
            let keys = rows.compactMap { try? $0.phone.get().key }
            let lookup = try await store.lookUp(keys: keys, today: today)
            var accepted: [LeadInsertRow] = []
            accepted.reserveCapacity(rows.count)
            for row in rows {
                let outcome = classifier.classify(row, lookup: lookup)
                report.record(row: row.row, outcome: outcome, rawPhone: row.rawPhone)
                if case .imported(let number) = outcome { accepted.append(LeadInsertRow(row, number: number)) }
            }
            let insert = Task { [accepted] in try await store.insert(accepted) }
            do {
                next = try reader.nextRows()
            } catch {
                // The transaction rolls back on this error: let the insert finish first,
                // it runs on the same connection.
                _ = try? await insert.value
                throw error
            }
            try await insert.value
            // Inserted keys are now found by the lookup inside this transaction.
            classifier.forgetImportedKeys()
            progress(Progress(fractionRead: reader.fractionRead, rows: report.rows, imported: report.imported))
        }
        return report
    }
}
