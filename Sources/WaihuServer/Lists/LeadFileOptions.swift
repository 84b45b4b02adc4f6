import WaihuDomain

/// How to read one lead list file: the day renewal dates are computed from, the user's
/// column mappings (`--map`), a forced CSV encoding, for a workbook the sheet, and the row
/// that holds the headers.
public struct LeadFileOptions: Sendable {
    public var asOf: CalendarDay
    public var overrides: [ColumnOverride]
    /// nil detects UTF-8 or GBK; CSV only.
    public var encoding: TextEncoding?
    /// nil reads the workbook's first sheet; .xlsx only.
    public var sheet: String?
    /// The spreadsheet row of the headers (`--header-row`); nil finds it (`HeaderRowRule`).
    public var headerRow: Int?

    public init(asOf: CalendarDay, overrides: [ColumnOverride] = [], encoding: TextEncoding? = nil, sheet: String? = nil,
                headerRow: Int? = nil) {
        self.asOf = asOf
        self.overrides = overrides
        self.encoding = encoding
        self.sheet = sheet
        self.headerRow = headerRow
    }
}
