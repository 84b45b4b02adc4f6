/// A CSV file that cannot be read, with the row a user should look at.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A quoted cell is closed and followed by something other than blanks, a comma or a
    /// line break (`"abc"x`): usually a quote inside a cell that was not doubled.
    case brokenQuote(row: Int, line: Int)
    /// The file ends inside a quoted cell opened on `line`.
    case unclosedQuote(row: Int, line: Int)
    /// A record is larger than the limit: almost always an unclosed quote that swallows
    /// the rest of the file. Stopping keeps memory bounded.
    case recordTooLong(row: Int, line: Int, limit: Int)

    public var message: String {
        switch self {
        case .brokenQuote(let row, let line):
            return "broken quote in row \(row) (line \(line)): a quoted cell must end with \" followed by a comma "
                + "or a line break (spaces or tabs may come between); write a quote inside a cell as \"\""
        case .unclosedQuote(let row, let line):
            return "broken quote in row \(row): the quote opened on line \(line) is never closed"
        case .recordTooLong(let row, let line, let limit):
            return "row \(row) (from line \(line)) is longer than \(limit) bytes; "
                + "this is usually a broken quote: a \" that is opened and never closed"
        }
    }

    public var description: String { message }
}
