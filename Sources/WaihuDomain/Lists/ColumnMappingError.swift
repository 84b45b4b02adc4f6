/// Why a list's header row cannot be imported as it is.
public enum ColumnMappingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no header row: it is empty or blank.
    case noHeaderRow
    /// No column is recognized as the phone number, and none is mapped to it.
    case noPhoneColumn(headers: [String], row: Int = 1)
    /// A `--map` value that is not `HEADER=field`.
    case malformedOverride(String)
    /// A `--map` value naming a field waihu does not know.
    case unknownField(String)
    /// A `--map` value naming a header that is not in the file.
    case headerNotFound(String, headers: [String], row: Int = 1)
    /// Two `--map` values send different columns to the same field.
    case fieldMappedTwice(LeadField)

    public var message: String {
        switch self {
        case .noHeaderRow:
            return "the file is empty: it should hold a row of column headers (姓名, 联系电话…)"
        case .noPhoneColumn(let headers, let row):
            return "no phone column (联系电话/手机号码…) among the headers in row \(row): \(Self.shown(headers)); "
                + "name it with --map 'HEADER=phone', or the row that holds the headers with --header-row N"
        case .malformedOverride(let text):
            return "'\(text)' is not a column mapping; write HEADER=field, e.g. 客户手机=phone"
        case .unknownField(let name):
            let names = LeadField.known.compactMap(\.fieldName).joined(separator: ", ")
            return "unknown field '\(name)'; use one of \(names), extra or ignore"
        case .headerNotFound(let header, let headers, let row):
            return "the file has no column '\(header)'; its headers (row \(row)) are \(Self.shown(headers))"
        case .fieldMappedTwice(let field):
            return "two columns are mapped to \(field.fieldName ?? field.chineseName)"
        }
    }

    public var description: String { message }

    /// Headers as a refusal lists them: a cell that is a paragraph (an instruction block
    /// taken for the headers) shows as its first line, cut short; blank cells are left out.
    static func shown(_ headers: [String]) -> String {
        let limit = 24, count = 15
        let cells = headers.compactMap { header -> String? in
            let line = HalfWidth.trimmed(header).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let trimmed = String(HalfWidth.trimmed(line))
            if trimmed.isEmpty { return nil }
            return trimmed.count > limit || line.count < HalfWidth.trimmed(header).count
                ? String(trimmed.prefix(limit)) + "…" : trimmed
        }
        if cells.isEmpty { return "(none)" }
        return cells.prefix(count).joined(separator: ", ") + (cells.count > count ? ", …" : "")
    }
}
