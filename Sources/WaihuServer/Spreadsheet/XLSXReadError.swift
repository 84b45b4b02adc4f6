/// Why an .xlsx workbook could not be read. Each case names the problem in words a list
/// manager can act on; the import stops and nothing of the file is stored.
public enum XLSXReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a ZIP archive, or one cut short (a download or an e-mail attachment that did not finish),
    /// or a worksheet that does not match its checksum.
    case damaged(String)
    /// A part other than a worksheet (the sheet list, the shared strings, the styles) cannot be
    /// unpacked or does not match its checksum; `intactWorksheets` are the worksheet parts that do.
    case damagedPart(String, reason: String, intactWorksheets: [String])
    /// A ZIP that is not an Excel workbook (a .docx, a .zip of CSV files …).
    case notAWorkbook
    /// `--sheet` names no tab; `available` are the worksheets.
    case noSuchSheet(String, available: [String])
    /// `--sheet` names a chart sheet (or another tab without cells).
    case notAWorksheet(String, kind: String, worksheets: [String])
    /// No tab of the workbook is a worksheet; `sheets` are the tabs there are, with their kinds.
    case noWorksheets(sheets: [String])
    case malformedXML(String)

    public var description: String {
        switch self {
        case .damaged(let detail):
            return "the .xlsx file is damaged or incomplete: \(detail); download or save it again"
        case .damagedPart(let part, let reason, let intact):
            let problem = "the .xlsx file is damaged or incomplete: part \(part) \(reason)"
            if intact.isEmpty { return problem + "; download or save it again" }
            return problem + "; its worksheets (\(intact.joined(separator: ", "))) are intact: "
                + "open the file in Excel or WPS, save it again (as .xlsx or CSV) and import the saved copy"
        case .notAWorkbook:
            return "the file is a ZIP archive but not an Excel workbook (no xl/workbook.xml)"
        case .noSuchSheet(let name, let available):
            return "the workbook has no sheet named '\(name)'; its worksheets are: " + available.joined(separator: ", ")
        case .notAWorksheet(let name, let kind, let worksheets):
            let choice = worksheets.isEmpty ? "it has no worksheet" : "its worksheets are: " + worksheets.joined(separator: ", ")
            return "'\(name)' is a \(kind), not a worksheet with cells; \(choice)"
        case .noWorksheets(let sheets):
            let tabs = sheets.isEmpty ? "it lists no sheets" : "its sheets are: " + sheets.joined(separator: ", ")
            return "the workbook has no worksheet to import (\(tabs))"
        case .malformedXML(let detail):
            return "the .xlsx file is damaged: its XML is malformed (\(detail))"
        }
    }
}
