/// Why an .xlsx workbook could not be read. Each case names the problem in words a list
/// manager can act on; the import stops and nothing of the file is stored.
public enum XLSXReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a ZIP archive, or one cut short (a download or an e-mail attachment that did not finish).
    case damaged(String)
    /// A ZIP that is not an Excel workbook (a .docx, a .zip of CSV files …).
    case notAWorkbook
    case noSuchSheet(String, available: [String])
    case noSheets
    case malformedXML(String)

    public var description: String {
        switch self {
        case .damaged(let detail):
            return "the .xlsx file is damaged or incomplete (\(detail)); download or save it again"
        case .notAWorkbook:
            return "the file is a ZIP archive but not an Excel workbook (no xl/workbook.xml)"
        case .noSuchSheet(let name, let available):
            return "the workbook has no sheet named '\(name)'; its sheets are: " + available.joined(separator: ", ")
        case .noSheets:
            return "the workbook has no worksheets"
        case .malformedXML(let detail):
            return "the .xlsx file is damaged: its XML is malformed (\(detail))"
        }
    }
}
