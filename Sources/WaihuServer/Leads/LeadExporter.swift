import Fluent
import Foundation
import SQLKit
import WaihuDomain

/// Writes leads (all, or one batch) to a CSV or .xlsx file, page by page so that memory
/// does not grow with the list. Who may export is decided by the caller (the API's route
/// policy, the CLI's `--user`); the exporter records the export in the audit log.
///
/// Columns: id, name, phone (the key), extension, plate, car_model, vin, engine_number,
/// renewal_date, expiry_date, first_registration_date, batch, source, status, last_cause and
/// last_evidence (why the lead's latest campaign call ended: `vacant`, `powered_off` …, and
/// on what evidence; empty until a call recorded one), then one column per extra field (in
/// the order they first appear).
public struct LeadExporter: Sendable {
    public static let fixedColumns = ["id", "name", "phone", "extension", "plate", "car_model", "vin", "engine_number",
                                      "renewal_date", "expiry_date", "first_registration_date", "batch", "source", "status",
                                      "last_cause", "last_evidence"]
    static let pageSize = 5000

    public let database: Database
    public let actor: AuditActor

    public init(database: Database, actor: AuditActor) {
        self.database = database
        self.actor = actor
    }

    public enum ExportError: Error, CustomStringConvertible {
        case noSuchBatch(String)
        public var description: String {
            switch self {
            case .noSuchBatch(let name): return "no batch named '\(name)'"
            }
        }
    }

    /// Writes the file and returns the number of leads in it.
    @discardableResult
    public func export(batchName: String?, format: LeadExportFormat, to url: URL) async throws -> Int {
        var batchFilter: Int?
        if let batchName {
            guard let batch = try await BatchRecord.query(on: database).filter(\.$name == batchName).first() else {
                throw ExportError.noSuchBatch(batchName)
            }
            batchFilter = batch.id
        }
        var names: [Int: (String, String)] = [:]
        for batch in try await BatchRecord.query(on: database).with(\.$source).all() {
            names[batch.id!] = (batch.name, batch.source.name)
        }

        // First pass: the extra columns, so every row has the same header.
        var extraNames: [String] = []
        var extraIndex: [String: Int] = [:]
        try await forEachPage(batchID: batchFilter, withCauses: false) { records, _ in
            for record in records where record.extrasJSON != "[]" {
                for extra in record.extras where extraIndex[extra.name] == nil {
                    extraIndex[extra.name] = extraNames.count
                    extraNames.append(extra.name)
                }
            }
        }

        let sink: RowSink
        if format == .csv { sink = try CSVSink(url: url) } else { sink = try XLSXSink(url: url) }
        try sink.header(Self.fixedColumns + extraNames)
        var count = 0
        try await forEachPage(batchID: batchFilter) { records, causes in
            for record in records {
                let (batch, source) = names[record.batchID] ?? ("", "")
                let cause = causes[record.id ?? 0]
                var cells: [String] = [
                    String(record.id ?? 0), record.name ?? "", record.phoneKey, record.extensionNumber ?? "",
                    record.plate ?? "", record.carModel ?? "", record.vin ?? "", record.engineNumber ?? "",
                    record.renewalDate ?? "", record.expiryDate ?? "", record.firstRegistrationDate ?? "",
                    batch, source, record.statusName, cause?.cause ?? "", cause?.evidence ?? "",
                ]
                if !extraNames.isEmpty {
                    var extras = [String](repeating: "", count: extraNames.count)
                    if record.extrasJSON != "[]" {
                        for extra in record.extras { if let index = extraIndex[extra.name] { extras[index] = extra.value } }
                    }
                    cells += extras
                }
                try sink.row(cells)
                count += 1
            }
        }
        try sink.finish()
        try await AuditLog.record(.listExport, by: actor, target: batchName ?? "all",
                                  detail: "format=\(format.rawValue) leads=\(count)", on: database)
        return count
    }

    /// A lead's latest recorded cause, from its campaigns' rows.
    struct LastCause: Decodable {
        var lead_id: Int
        var cause: String
        var evidence: String?
        var at: Double?
    }

    private func forEachPage(batchID: Int?, withCauses: Bool = true,
                             _ body: ([LeadRecord], [Int: LastCause]) throws -> Void) async throws {
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        var lastID = 0
        while true {
            var query = LeadRecord.query(on: database).filter(\.$id > lastID)
            if let batchID { query = query.filter(\.$batchID == batchID) }
            let page = try await query.sort(\.$id).limit(Self.pageSize).all()
            guard let last = page.last?.id, let first = page.first?.id else { return }
            var causes: [Int: LastCause] = [:]
            if withCauses {
                // The page's leads are an id range: one indexed read of their campaign rows.
                let rows = try await sql.raw("""
                    SELECT lead_id, last_cause AS cause, last_evidence AS evidence, last_attempt_at AS at FROM campaign_leads
                    WHERE lead_id >= \(bind: first) AND lead_id <= \(bind: last) AND last_cause IS NOT NULL
                    """).all(decoding: LastCause.self)
                for row in rows where (row.at ?? 0) >= (causes[row.lead_id]?.at ?? -1) { causes[row.lead_id] = row }
            }
            try body(page, causes)
            lastID = last
            if page.count < Self.pageSize { return }
        }
    }
}

private protocol RowSink {
    func header(_ titles: [String]) throws
    func row(_ cells: [String]) throws
    func finish() throws
}

/// UTF-8 with a byte-order mark, so that Excel on Chinese Windows shows the names right.
private final class CSVSink: RowSink {
    let handle: FileHandle
    var buffer = Data()

    init(url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
    }

    func header(_ titles: [String]) throws { try row(titles) }

    func row(_ cells: [String]) throws {
        buffer.append(contentsOf: Array((cells.map(Self.quoted).joined(separator: ",") + "\r\n").utf8))
        if buffer.count > 1 << 20 { try flush() }
    }

    func finish() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Quotes a cell when it must be; a cell starting with = + - @ is prefixed with ' so
    /// that a spreadsheet does not run it as a formula.
    static func quoted(_ cell: String) -> String {
        var text = cell
        if let first = text.first, "=+-@".contains(first), !text.hasPrefix("+86") { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}

private final class XLSXSink: RowSink {
    let writer: XLSXWriter

    init(url: URL) throws {
        writer = try XLSXWriter(url: url)
        try writer.addSheet(named: "名单")
    }

    func header(_ titles: [String]) throws { try writer.appendHeader(titles) }

    func row(_ cells: [String]) throws {
        var out = cells.map { $0.isEmpty ? XLSXCell.empty : .text($0) }
        if let id = Int(cells[0]) { out[0] = .integer(id) }
        try writer.appendRow(out)
    }

    func finish() throws { try writer.finish() }
}
