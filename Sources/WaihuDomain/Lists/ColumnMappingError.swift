/// Why a list's header row cannot be imported as it is.
public enum ColumnMappingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no header row: it is empty or blank.
    case noHeaderRow
    /// No column is recognized as the phone number, and none is mapped to it.
    case noPhoneColumn(headers: [String])
    /// A `--map` value that is not `HEADER=field`.
    case malformedOverride(String)
    /// A `--map` value naming a field waihu does not know.
    case unknownField(String)
    /// A `--map` value naming a header that is not in the file.
    case headerNotFound(String, headers: [String])
    /// Two `--map` values send different columns to the same field.
    case fieldMappedTwice(LeadField)

    public var message: String {
        switch self {
        case .noHeaderRow:
            return "the file is empty: row 1 should hold the column headers (姓名, 联系电话…)"
        case .noPhoneColumn(let headers):
            return "no phone column (联系电话/手机号码…) among the headers \(headers.joined(separator: ", ")); "
                + "name it with --map 'HEADER=phone'"
        case .malformedOverride(let text):
            return "'\(text)' is not a column mapping; write HEADER=field, e.g. 客户手机=phone"
        case .unknownField(let name):
            let names = LeadField.known.compactMap(\.fieldName).joined(separator: ", ")
            return "unknown field '\(name)'; use one of \(names), extra or ignore"
        case .headerNotFound(let header, let headers):
            return "the file has no column '\(header)'; its headers are \(headers.joined(separator: ", "))"
        case .fieldMappedTwice(let field):
            return "two columns are mapped to \(field.fieldName ?? field.chineseName)"
        }
    }

    public var description: String { message }
}
