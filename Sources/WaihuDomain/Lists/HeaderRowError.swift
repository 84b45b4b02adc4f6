/// A header row named by the user (`--header-row N`) that cannot be the header.
public enum HeaderRowError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Row N has nothing in it.
    case blank(row: Int)
    /// The list ends before row N (`lastRow`: the last row with something in it, 0 for none).
    case beyondEnd(row: Int, lastRow: Int)
    /// `--header-row` is not a row number.
    case notARowNumber(String)

    public var message: String {
        switch self {
        case .blank(let row):
            return "row \(row), named as the header row, is blank"
        case .beyondEnd(let row, let lastRow):
            return "the list has no row \(row) to take the headers from (its last row is \(lastRow))"
        case .notARowNumber(let text):
            return "'\(text)' is not a row number; the header row is a number from 1, as Excel and WPS show it"
        }
    }

    public var description: String { message }
}
