/// One row of a worksheet: its spreadsheet row number (1-based, as Excel shows it)
/// and its cells as text, column A first, with "" for cells that are missing.
public struct XLSXRow: Equatable, Sendable {
    public let number: Int
    public let cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }
}
