/// One record of a CSV file: the cells of one spreadsheet row.
public struct CSVRecord: Equatable, Sendable {
    /// The spreadsheet row number (the first record is row 1), which is what a user
    /// sees when the file is opened in Excel or WPS.
    public let row: Int
    /// The line of the file where the record starts; differs from `row` when a quoted
    /// cell holds line breaks.
    public let line: Int
    public var fields: [String]

    public init(row: Int, line: Int, fields: [String]) {
        self.row = row
        self.line = line
        self.fields = fields
    }

    /// True for an empty line or a line of empty cells (`,,,`), which spreadsheets
    /// leave at the end of lists (`BlankRow`).
    public var isBlank: Bool {
        BlankRow.matches(fields)
    }
}
