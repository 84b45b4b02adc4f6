/// A lead list file that cannot be read as a whole (as opposed to a row that is
/// rejected): the import stops, names the problem and imports nothing.
public enum LeadFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case emptyArchive
    case legacyExcel
    case notASpreadsheet(String)
    case unreadable(path: String, reason: String)

    public var message: String {
        switch self {
        case .empty:
            return "the file is empty"
        case .emptyArchive:
            return "the file is an empty ZIP archive, not an Excel workbook"
        case .legacyExcel:
            return "this is an old Excel 97–2003 .xls file (or a password-protected workbook); "
                + "open it in Excel or WPS and save it as .xlsx (Excel 工作簿) or CSV"
        case .notASpreadsheet(let what):
            return "not a spreadsheet or CSV file: it looks like \(what); waihu reads .xlsx and CSV"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        }
    }

    public var description: String { message }
}
