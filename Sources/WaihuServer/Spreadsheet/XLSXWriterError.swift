/// Why an .xlsx file could not be written.
public enum XLSXWriterError: Error, Equatable, CustomStringConvertible {
    case noSheet
    case alreadyFinished
    case invalidSheetName(String)
    case duplicateSheetName(String)

    public var description: String {
        switch self {
        case .noSheet: return "xlsx: add a sheet before writing rows"
        case .alreadyFinished: return "xlsx: the workbook has already been written"
        case .invalidSheetName(let name):
            return "xlsx: sheet name '\(name)' must be 1–31 characters without : \\ / ? * [ ]"
        case .duplicateSheetName(let name): return "xlsx: two sheets are named '\(name)'"
        }
    }
}
