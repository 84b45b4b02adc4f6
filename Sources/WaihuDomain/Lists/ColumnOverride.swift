/// A user's instruction for one column, written `HEADER=field` on the command line
/// (`--map '客户手机=phone'`, `--map '备用电话=ignore'`).
public struct ColumnOverride: Equatable, Sendable {
    public enum Target: Equatable, Sendable {
        case field(LeadField)
        /// Drop the column: it is neither read nor kept as an extra field.
        case ignore
    }

    public let header: String
    public let target: Target

    public init(header: String, target: Target) {
        self.header = header
        self.target = target
    }

    /// Parses `HEADER=field`, where field is a field name (`phone`, `car_model`…),
    /// a recognized header (`手机号`), `extra` (keep as an extra field) or `ignore`.
    public init(parsing text: String) throws {
        guard let equals = text.lastIndex(of: "=") else {
            throw ColumnMappingError.malformedOverride(text)
        }
        let header = String(HalfWidth.trimmed(String(text[..<equals])))
        let fieldName = String(HalfWidth.trimmed(String(text[text.index(after: equals)...])))
        guard !header.isEmpty, !fieldName.isEmpty else {
            throw ColumnMappingError.malformedOverride(text)
        }
        switch fieldName.lowercased() {
        case "ignore", "skip":
            self.init(header: header, target: .ignore)
        case "extra":
            self.init(header: header, target: .field(.extra(header)))
        default:
            guard let field = LeadField(fieldName: fieldName) else {
                throw ColumnMappingError.unknownField(fieldName)
            }
            self.init(header: header, target: .field(field))
        }
    }
}
