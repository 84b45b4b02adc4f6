import Foundation
import SQLiteKit
import WaihuDomain

/// A lead list import on SQLite, written through a `SQLiteBulkConnection`: the batch's rows,
/// its leads and its counts in one `BEGIN IMMEDIATE` transaction, each row inserted with a
/// statement prepared once. The caller's task reads and parses the next batch of rows while
/// this connection's own thread classifies and stores the current one.
///
/// Rows are classified on the writer's thread, in file order, by the domain's
/// `LeadRowClassifier` against the do-not-call keys read at the start and against `leads`
/// (`StatementLookup`): every imported row is in `leads` before the next row is looked at,
/// so a number repeated later in the file is found there.
final class SQLiteLeadImport: @unchecked Sendable {
    /// Page cache of the import's connection, in KiB (SQLite's default is 2,000 KiB). Keys
    /// land all over the `phone_key` index, and a transaction's changed pages that do not fit
    /// the cache are written to the WAL before the commit and read back: with 256 MiB a
    /// million-row list is stored in the cache and written once, at the commit (about 20 %
    /// less CPU than with 64 MiB in `waihu bench import`). The cache is a cap, so memory
    /// still does not grow with the file; a longer list spills and is stored more slowly.
    static let cacheKiB = 262144

    private let queue = DispatchQueue(label: "waihu.lead-import")
    /// Touched only on `queue`.
    private var connection: SQLiteBulkConnection?
    /// The do-not-call keys in force on the import's day, read once in its transaction.
    private var doNotCall: Set<String> = []
    private var leadInsert: SQLitePreparedStatement?
    private var classifier = LeadRowClassifier()
    private var batchID: Int64 = 0

    private init() {}

    /// The SQLite file behind `database`, or nil when it is not SQLite.
    static func databaseFile(of database: any SQLDatabase) async throws -> String? {
        guard database.dialect.name == "sqlite" else { return nil }
        struct Entry: Decodable { var file: String }
        let file = try await database.raw("SELECT file FROM pragma_database_list WHERE name = 'main'").first(decoding: Entry.self)?.file
        return file.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Runs the whole import: the batch and its source are made, every row is classified and
    /// stored, and the counts are written; or, on any error, nothing is.
    static func run(file path: String, request: LeadImporter.Request, batchName: String, sourceName: String,
                    reader: LeadFileReader, actor: AuditActor, today: String,
                    progress: @escaping @Sendable (LeadImporter.Progress) -> Void) async throws -> LeadImporter.Result {
        let writer = SQLiteLeadImport()
        let teams = try request.teamIDs.map { try SQLiteDataEncoder().encode($0) }
        do {
            // A refusal here (the batch name is taken) also ends in the rollback below.
            try await writer.onQueue {
                try writer.begin(path: path, batchName: batchName, sourceName: sourceName, costPerLead: request.costPerLead,
                                 teams: teams, actor: actor.name, now: Date(), today: today)
            }
            var report = ImportReport(rejectListLimit: request.rejectListLimit)
            // Three stages side by side: while the writer stores one batch, the caller reads
            // and packs the next, and then counts the stored batch's outcomes while the
            // writer already stores the next one. The writer is the slowest stage, so it
            // should never wait.
            var current = try reader.nextRows()
            var storing = current.map { writer.storeInBackground(Self.insertRows($0)) }
            while let rows = current, let stored = storing {
                let next: [LeadRow]?
                let nextInserts: [PreparedRow]?
                do {
                    next = try reader.nextRows()
                    nextInserts = next.map(Self.insertRows)
                } catch {
                    _ = try? await stored.value
                    throw error
                }
                let outcomes = try await stored.value
                storing = nextInserts.map { writer.storeInBackground($0) }
                // By index: a `LeadRow` is large, and iterating would copy each one.
                for index in rows.indices {
                    report.record(row: rows[index].row, outcome: outcomes[index], rawPhone: rows[index].rawPhone)
                }
                progress(.init(fractionRead: reader.fractionRead, rows: report.rows, imported: report.imported))
                current = next
            }
            let counts = report
            let batchID = try await writer.onQueue { try writer.commit(counts) }
            return LeadImporter.Result(batchID: batchID, report: report, format: reader.format)
        } catch {
            await writer.onQueueIgnoringErrors { writer.rollBack() }
            throw error
        }
    }

    /// A row's phone number as parsed, and the lead to insert when the number is valid.
    typealias PreparedRow = (phone: Result<PhoneNumber, PhoneNumberError>, insert: LeadInsertRow?)

    private static func insertRows(_ rows: [LeadRow]) -> [PreparedRow] {
        rows.map { row in (row.phone, (try? row.phone.get()).map { LeadInsertRow(row, number: $0) }) }
    }

    /// Stores `rows` on the writer's queue. The import keeps one batch in flight at a time,
    /// so batches are stored in file order.
    private func storeInBackground(_ rows: [PreparedRow]) -> Task<[ImportRowOutcome], Error> {
        Task { try await self.onQueue { try self.store(rows) } }
    }

    // MARK: - On the writer's queue

    private func begin(path: String, batchName: String, sourceName: String, costPerLead: Double?,
                       teams: [SQLiteData], actor: String, now: Date, today: String) throws {
        let connection = try SQLiteBulkConnection(path: path)
        self.connection = connection
        try connection.execute("PRAGMA cache_size = \(-Self.cacheKiB)")
        try connection.execute("BEGIN IMMEDIATE")
        let stamp = now.sqliteData ?? .null

        let batchNamed = try connection.prepare("SELECT 1 FROM \"\(BatchRecord.schema)\" WHERE \"name\" = ?")
        try batchNamed.bind(1, batchName)
        if try batchNamed.step() { throw LeadImportError.batchExists(batchName) }

        let source = try connection.prepare("SELECT \"id\", \"default_price\" FROM \"\(SourceRecord.schema)\" WHERE \"name\" = ?")
        try source.bind(1, sourceName)
        let sourceID: Int64, defaultPrice: Double
        if try source.step() {
            sourceID = source.integer(column: 0)
            defaultPrice = source.double(column: 1)
        } else {
            defaultPrice = costPerLead ?? 0
            try connection.prepare("INSERT INTO \"\(SourceRecord.schema)\" (\"name\", \"default_price\", \"created_at\") VALUES (?, ?, ?)")
                .run([.text(sourceName), .float(defaultPrice), stamp])
            sourceID = connection.lastInsertedRowID
        }
        try connection.prepare("""
            INSERT INTO "\(BatchRecord.schema)" ("name", "source_id", "cost_per_lead", "imported_at", "imported_by",
            "rows", "imported", "invalid_phone", "duplicate", "dnc") VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0)
            """).run([.text(batchName), .integer(Int(sourceID)), .float(costPerLead ?? defaultPrice), stamp, .text(actor)])
        batchID = connection.lastInsertedRowID
        let team = try connection.prepare("INSERT INTO \"\(BatchTeamRecord.schema)\" (\"batch_id\", \"team_id\") VALUES (?, ?)")
        for teamID in teams { try team.run([.integer(Int(batchID)), teamID]) }

        // The list is read into memory once rather than looked up for every row: a
        // centre's list is far shorter than its lead files, and a set lookup costs a
        // fraction of a statement's step. It grows with the list, never with the file.
        let doNotCall = try connection.prepare(#"SELECT "phone_key" FROM "\#(DoNotCallRecord.schema)" WHERE "#
                                               + DoNotCallRule.sqlCondition(lastDayColumn: #""until""#, on: today))
        while try doNotCall.step() {
            if let key = doNotCall.text(column: 0) { self.doNotCall.insert(key) }
        }
        let columns = LeadInsertRow.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let insert = try connection.prepare("INSERT INTO \"\(LeadRecord.schema)\" (\(columns)) VALUES ("
            + Array(repeating: "?", count: LeadInsertRow.columns.count).joined(separator: ", ") + ") ON CONFLICT (\"phone_key\") DO NOTHING")
        // The same for every row: batch, status, created_at, updated_at.
        let constantsFrom = Int32(LeadInsertRow.columns.count - 3)
        try insert.bind(constantsFrom, .integer(Int(batchID)))
        try insert.bind(constantsFrom + 1, LeadStatus.new.rawValue)
        try insert.bind(constantsFrom + 2, stamp)
        try insert.bind(constantsFrom + 3, stamp)
        leadInsert = insert
    }

    /// Classifies and stores one batch of rows, in order; `insert` is nil for a row whose
    /// phone number is not valid.
    private func store(_ rows: [PreparedRow]) throws -> [ImportRowOutcome] {
        guard let connection, let leadInsert else { throw SQLiteBulkError(code: 0, message: "import not begun") }
        let lookup = StatementLookup(connection: connection, doNotCall: doNotCall, insert: leadInsert)
        var outcomes: [ImportRowOutcome] = []
        outcomes.reserveCapacity(rows.count)
        for (phone, insert) in rows {
            lookup.row = insert
            let outcome = classifier.classify(phone, lookup: lookup)
            if let failure = lookup.failure { throw failure }
            outcomes.append(outcome)
        }
        // Stored keys are found by the insert's conflict from now on.
        classifier.forgetImportedKeys()
        return outcomes
    }

    private func commit(_ report: ImportReport) throws -> Int {
        guard let connection else { throw SQLiteBulkError(code: 0, message: "import not begun") }
        try connection.prepare("""
            UPDATE "\(BatchRecord.schema)" SET "rows" = ?, "imported" = ?, "invalid_phone" = ?, "duplicate" = ?, "dnc" = ? WHERE "id" = ?
            """).run([.integer(report.rows), .integer(report.imported), .integer(report.invalidPhone),
                      .integer(report.duplicate), .integer(report.doNotCall), .integer(Int(batchID))])
        finishStatements()
        try connection.execute("COMMIT")
        connection.close()
        self.connection = nil
        return Int(batchID)
    }

    private func rollBack() {
        finishStatements()
        try? connection?.execute("ROLLBACK")
        connection?.close()
        connection = nil
    }

    private func finishStatements() {
        doNotCall = []
        leadInsert = nil
    }

    private func onQueue<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }

    private func onQueueIgnoringErrors(_ body: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { continuation in
            queue.async {
                body()
                continuation.resume()
            }
        }
    }
}

/// `PhoneKeyLookup` over the do-not-call keys and the prepared insert, for one row at a time (`row`).
///
/// "Is there a lead with this key?" is answered by inserting the row with
/// `ON CONFLICT ("phone_key") DO NOTHING`: nothing changed means a lead has the key (a
/// duplicate); a change means there was none, and the classifier, which asks last, imports
/// the row, which is then already stored. One descent of the unique index instead of a
/// lookup and then an insert. The domain's protocol does not throw, so a failing statement
/// leaves its error in `failure`, which the writer checks after every row.
private final class StatementLookup: PhoneKeyLookup {
    let connection: SQLiteBulkConnection
    let doNotCall: Set<String>
    let insert: SQLitePreparedStatement
    var row: LeadInsertRow?
    var failure: Error?

    init(connection: SQLiteBulkConnection, doNotCall: Set<String>, insert: SQLitePreparedStatement) {
        self.connection = connection
        self.doNotCall = doNotCall
        self.insert = insert
    }

    func isOnDoNotCallList(_ key: String) -> Bool {
        doNotCall.contains(key)
    }

    func existsInSystem(_ key: String) -> Bool {
        guard let row, row.key == key else {
            failure = failure ?? SQLiteBulkError(code: 0, message: "no row to insert for \(key)")
            return false
        }
        defer { insert.resetKeepingBindings() }
        do {
            try insert.withPacked(row.bytes, ends: row.ends, from: 1) { try insert.step() }
            return connection.changes == 0
        } catch {
            failure = failure ?? error
            return false
        }
    }
}
