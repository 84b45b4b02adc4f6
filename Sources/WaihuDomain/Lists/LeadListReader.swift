/// Reads a lead list (名单) in CSV, chunk by chunk: detects or applies the encoding,
/// splits records, finds the header row and maps it to fields (`LeadTable`) and returns the
/// data rows as `LeadRow`s. Blank rows are skipped. Nothing here touches the database: the caller
/// classifies each batch of rows with a `LeadRowClassifier` and stores the imported ones.
///
/// ```swift
/// var reader = try LeadListReader(asOf: today, overrides: maps, encoding: nil)
/// while let chunk = try file.read(65_536) { rows = try reader.feed(chunk); … }
/// rows = try reader.finish(); …
/// ```
public struct LeadListReader {
    public let asOf: CalendarDay
    public let overrides: [ColumnOverride]
    private var table: LeadTable
    private var text: TextDecodingStream
    private var csv: CSVReader

    /// `encoding` forces the file's encoding; nil detects it. `headerRow` names the row that
    /// holds the headers; nil finds it (`HeaderRowRule`).
    public init(asOf: CalendarDay, overrides: [ColumnOverride] = [], encoding: TextEncoding? = nil,
                headerRow: Int? = nil, delimiter: UInt8 = UInt8(ascii: ",")) throws {
        self.asOf = asOf
        self.overrides = overrides
        self.table = LeadTable(asOf: asOf, overrides: overrides, headerRow: headerRow)
        self.text = try TextDecodingStream(forcedEncoding: encoding)
        self.csv = CSVReader(delimiter: delimiter)
    }

    /// Known once the header row has been read.
    public var mapping: ColumnMapping? { table.mapping }

    /// The spreadsheet row of the headers, once found.
    public var headerRow: Int? { table.headerRow }

    /// The encoding in use (UTF-8 for a file that is all ASCII).
    public var encoding: TextEncoding {
        text.encoding ?? .utf8
    }

    /// Throws `TextEncodingError`, `CSVError`, `ColumnMappingError` or `HeaderRowError`.
    public mutating func feed(_ chunk: [UInt8]) throws -> [LeadRow] {
        try rows(from: csv.feed(try text.feed(chunk)))
    }

    /// The rows left at the end of the file.
    public mutating func finish() throws -> [LeadRow] {
        var records = try csv.feed(try text.finish())
        records += try csv.finish()
        var rows = try rows(from: records)
        try table.finish(into: &rows)
        return rows
    }

    private mutating func rows(from records: [CSVRecord]) throws -> [LeadRow] {
        var rows: [LeadRow] = []
        rows.reserveCapacity(records.count)
        for record in records where !record.isBlank {
            try table.add(cells: record.fields, row: record.row, into: &rows)
        }
        return rows
    }
}
