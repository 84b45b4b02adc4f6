import Foundation
import WaihuDomain

/// The first rows of a list as they are in the file, and the row the import would take the
/// headers from, so that a list manager sees a title or an instruction block above the
/// headers and can name the header row before importing (名单导入's preview).
///
/// Reads rows 1…`HeaderRowRule.searchDepth` only. A CSV may be sent cut short (the page sends
/// the first megabyte of a large file): a record cut at the end of what was sent is left out.
public struct LeadFilePreview: Codable, Equatable, Sendable {
    public struct Row: Codable, Equatable, Sendable {
        public var row: Int
        public var cells: [String]
    }

    public var format: LeadFileFormat
    /// The worksheet shown, and the workbook's worksheets (nil for a CSV).
    public var sheet: String?
    public var sheets: [String]?
    /// The non-blank rows among rows 1…20, each cell cut to 200 characters, 50 cells at most.
    public var rows: [Row]
    /// The row the headers are taken from: the one named, or the one `HeaderRowRule` finds.
    public var headerRow: Int?
    /// Why the import would refuse that header row (no phone column …); nil when it reads.
    public var problem: String?

    enum CodingKeys: String, CodingKey {
        case format, sheet, sheets, rows, headerRow = "header_row", problem
    }

    private static let cellLimit = 200
    private static let columnLimit = 50

    /// Throws what `LeadFileReader` throws for a file that cannot be read at all.
    public static func read(url: URL, options: LeadFileOptions) throws -> LeadFilePreview {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw LeadFileError.unreadable(path: url.path, reason: "no such file or no permission")
        }
        defer { try? handle.close() }
        let prefix = [UInt8](try handle.read(upToCount: 4096) ?? Data())
        let format = try LeadFileFormat.detect(prefix: prefix)
        var preview = LeadFilePreview(format: format, rows: [])
        var dateSystem = ExcelDateSystem.from1900
        switch format {
        case .csv:
            try handle.seek(toOffset: 0)
            preview.rows = try csvRows(handle, encoding: options.encoding)
        case .xlsx:
            let sheet = try XLSXSheetReader(url: url, sheetName: options.sheet)
            preview.sheet = sheet.sheetName
            preview.sheets = sheet.sheetNames
            dateSystem = sheet.dateSystem
            while let row = try sheet.nextRow(), row.number <= HeaderRowRule.searchDepth {
                if !BlankRow.matches(row.cells) { preview.rows.append(Row(row: row.number, cells: row.cells)) }
            }
        }
        preview.decideHeader(options: options, dateSystem: dateSystem)
        preview.rows = preview.rows.map { Row(row: $0.row, cells: $0.cells.prefix(columnLimit).map { String($0.prefix(cellLimit)) }) }
        return preview
    }

    /// Runs the import's own header rule over the rows shown.
    private mutating func decideHeader(options: LeadFileOptions, dateSystem: ExcelDateSystem) {
        if let named = options.headerRow, named > HeaderRowRule.searchDepth {
            headerRow = named
            return
        }
        var table = LeadTable(asOf: options.asOf, overrides: options.overrides, headerRow: options.headerRow, dateSystem: dateSystem)
        var ignored: [LeadRow] = []
        do {
            for row in rows { try table.add(cells: row.cells, row: row.row, into: &ignored) }
            try table.finish(into: &ignored)
            headerRow = table.headerRow
        } catch {
            switch error as? ColumnMappingError {
            case .noPhoneColumn(_, let row)?, .headerNotFound(_, _, let row)?: headerRow = row
            default: headerRow = options.headerRow
            }
            problem = leadImportMessage(error)
        }
    }

    /// The non-blank records among rows 1…20. Errors past the first rows (a quote left open
    /// where the part sent ends) do not hide the rows before them.
    private static func csvRows(_ handle: FileHandle, encoding: TextEncoding?) throws -> [Row] {
        var text = try TextDecodingStream(forcedEncoding: encoding)
        var csv = CSVReader()
        var rows: [Row] = []
        func take(_ records: [CSVRecord]) -> Bool {
            for record in records {
                if record.row > HeaderRowRule.searchDepth { return true }
                if !record.isBlank { rows.append(Row(row: record.row, cells: record.fields)) }
            }
            return false
        }
        while true {
            let chunk = [UInt8](try handle.read(upToCount: 64 * 1024) ?? Data())
            if chunk.isEmpty { break }
            if take(try csv.feed(try text.feed(chunk))) { return rows }
        }
        // A short file's text comes only now, once its encoding is decided.
        if take(try csv.feed(try text.finish())) { return rows }
        do {
            _ = take(try csv.finish())
        } catch where !rows.isEmpty {
            // A quote still open where what was sent ends: the rows before it are the preview.
        }
        return rows
    }
}
