/// The rows of a list, CSV or worksheet, as the domain reads them: finds the header row
/// (`HeaderRowRule`, or the row the user named), maps it to fields (`ColumnMapping`) and
/// parses every non-blank row below it into a `LeadRow`. Rows above the header (a title, an
/// instruction block) are neither imported nor counted.
///
/// While the header is sought, at most `HeaderRowRule.searchDepth` rows wait; once it is
/// known each row is parsed as it comes.
public struct LeadTable {
    public let asOf: CalendarDay
    public let overrides: [ColumnOverride]
    /// The row the user named as the header; nil finds it.
    public let namedHeaderRow: Int?
    public let dateSystem: ExcelDateSystem
    /// Known once the header row has been found.
    public private(set) var mapping: ColumnMapping?
    /// The spreadsheet row number of the header, once found.
    public private(set) var headerRow: Int?
    private var parser: LeadRowParser?
    /// Rows read while the header is sought, in file order.
    private var waiting: [(row: Int, cells: [String])] = []
    private var lastRow = 0

    public init(asOf: CalendarDay, overrides: [ColumnOverride] = [], headerRow: Int? = nil, dateSystem: ExcelDateSystem = .from1900) {
        self.asOf = asOf
        self.overrides = overrides
        self.namedHeaderRow = headerRow
        self.dateSystem = dateSystem
    }

    /// Takes one non-blank row (blank ones are the caller's to skip) and appends the data
    /// rows it settles to `rows`: none while the header is sought, then each row as it comes.
    public mutating func add(cells: [String], row: Int, into rows: inout [LeadRow]) throws {
        if let parser {
            rows.append(parser.parse(cells: cells, row: row))
        } else {
            try seek(cells: cells, row: row, into: &rows)
        }
    }

    /// The list has ended: settles a header still sought, or throws when there is none.
    public mutating func finish(into rows: inout [LeadRow]) throws {
        guard parser == nil else { return }
        if let named = namedHeaderRow { throw HeaderRowError.beyondEnd(row: named, lastRow: lastRow) }
        guard !waiting.isEmpty else { throw ColumnMappingError.noHeaderRow }
        try settleFromWaiting(into: &rows)
    }

    private mutating func seek(cells: [String], row: Int, into rows: inout [LeadRow]) throws {
        lastRow = row
        if let named = namedHeaderRow {
            if row < named { return }
            if row > named { throw HeaderRowError.blank(row: named) }
            return try takeHeader(cells, row: row)
        }
        if row > HeaderRowRule.searchDepth {
            if waiting.isEmpty {
                // The list starts below the searched rows (blank lines above it): its first row is the header.
                return try takeHeader(cells, row: row)
            }
            try settleFromWaiting(into: &rows)
            return try add(cells: cells, row: row, into: &rows)
        }
        if HeaderRowRule.match(cells, overrides: overrides).hasPhone {
            waiting = []
            return try takeHeader(cells, row: row)
        }
        waiting.append((row, cells))
    }

    /// No row of the searched ones has a phone column: the first with known column names is
    /// the header (its mapping says what is missing), else the first row; the rows after it are data.
    private mutating func settleFromWaiting(into rows: inout [LeadRow]) throws {
        let chosen = waiting.firstIndex { HeaderRowRule.match($0.cells, overrides: overrides).knownColumns > 0 } ?? 0
        let rest = waiting[(chosen + 1)...]
        try takeHeader(waiting[chosen].cells, row: waiting[chosen].row)
        waiting = []
        for entry in rest { try add(cells: entry.cells, row: entry.row, into: &rows) }
    }

    private mutating func takeHeader(_ cells: [String], row: Int) throws {
        let mapping = try ColumnMapping(headers: cells, overrides: overrides, row: row)
        self.mapping = mapping
        headerRow = row
        parser = LeadRowParser(mapping: mapping, asOf: asOf, dateSystem: dateSystem)
    }
}
