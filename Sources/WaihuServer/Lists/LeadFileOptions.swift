import WaihuDomain

/// How to read one lead list file: the day renewal dates are computed from, the user's
/// column mappings (`--map`), a forced CSV encoding and, for a workbook, the sheet.
public struct LeadFileOptions: Sendable {
    public var asOf: CalendarDay
    public var overrides: [ColumnOverride]
    /// nil detects UTF-8 or GBK; CSV only.
    public var encoding: TextEncoding?
    /// nil reads the workbook's first sheet; .xlsx only.
    public var sheet: String?

    public init(asOf: CalendarDay, overrides: [ColumnOverride] = [], encoding: TextEncoding? = nil, sheet: String? = nil) {
        self.asOf = asOf
        self.overrides = overrides
        self.encoding = encoding
        self.sheet = sheet
    }
}
