/// Reads a lead list (名单) in CSV, chunk by chunk: detects or applies the encoding,
/// splits records, maps the header row (row 1) to fields and returns the data rows as
/// `LeadRow`s. Blank rows are skipped. Nothing here touches the database: the caller
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
    /// Known once the header row has been read.
    public private(set) var mapping: ColumnMapping?
    private var parser: LeadRowParser?
    private var text: TextDecodingStream
    private var csv: CSVReader

    /// `encoding` forces the file's encoding; nil detects it.
    public init(asOf: CalendarDay, overrides: [ColumnOverride] = [], encoding: TextEncoding? = nil,
                delimiter: UInt8 = UInt8(ascii: ",")) throws {
        self.asOf = asOf
        self.overrides = overrides
        self.text = try TextDecodingStream(forcedEncoding: encoding)
        self.csv = CSVReader(delimiter: delimiter)
    }

    /// The encoding in use (UTF-8 for a file that is all ASCII).
    public var encoding: TextEncoding {
        text.encoding ?? .utf8
    }

    /// Throws `TextEncodingError`, `CSVError` or `ColumnMappingError`.
    public mutating func feed(_ chunk: [UInt8]) throws -> [LeadRow] {
        try rows(from: csv.feed(try text.feed(chunk)))
    }

    /// The rows left at the end of the file.
    public mutating func finish() throws -> [LeadRow] {
        var records = try csv.feed(try text.finish())
        records += try csv.finish()
        let rows = try rows(from: records)
        if mapping == nil { throw ColumnMappingError.noHeaderRow }
        return rows
    }

    private mutating func rows(from records: [CSVRecord]) throws -> [LeadRow] {
        var rows: [LeadRow] = []
        rows.reserveCapacity(records.count)
        for record in records where !record.isBlank {
            if let parser {
                rows.append(parser.parse(cells: record.fields, row: record.row))
            } else {
                let mapping = try ColumnMapping(headers: record.fields, overrides: overrides)
                self.mapping = mapping
                parser = LeadRowParser(mapping: mapping, asOf: asOf)
            }
        }
        return rows
    }
}
