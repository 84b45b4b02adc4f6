/// Which lead field each column of a list holds, decided from the header row
/// (`HeaderRowRule`) and the user's overrides.
///
/// A user's override wins; otherwise the usual Chinese headers are recognized (see
/// `HeaderSynonyms`). When two columns would fill the same field, the leftmost wins
/// and the other is kept as an extra field, so no data is silently dropped.
public struct ColumnMapping: Equatable, Sendable {
    public let headers: [String]
    /// The field of each column; nil for a column the user chose to ignore.
    public let fields: [LeadField?]

    /// `row`: the header's spreadsheet row, named in the errors.
    public init(headers: [String], overrides: [ColumnOverride] = [], row: Int = 1) throws {
        let normalizedHeaders = headers.map(HeaderSynonyms.normalize)
        var fields = [LeadField?](repeating: nil, count: headers.count)
        var decided = [Bool](repeating: false, count: headers.count)
        var taken = Set<LeadField>()

        for override in overrides {
            let wanted = HeaderSynonyms.normalize(override.header)
            let matching = normalizedHeaders.indices.filter { normalizedHeaders[$0] == wanted }
            guard !matching.isEmpty else {
                throw ColumnMappingError.headerNotFound(override.header, headers: headers, row: row)
            }
            for column in matching {
                switch override.target {
                case .ignore:
                    fields[column] = nil
                case .field(.extra):
                    fields[column] = .extra(headers[column])
                case .field(let field):
                    guard !taken.contains(field) else { throw ColumnMappingError.fieldMappedTwice(field) }
                    taken.insert(field)
                    fields[column] = field
                }
                decided[column] = true
            }
        }

        for column in headers.indices where !decided[column] {
            if let field = HeaderSynonyms.field(forNormalizedHeader: normalizedHeaders[column]), !taken.contains(field) {
                taken.insert(field)
                fields[column] = field
            } else {
                fields[column] = .extra(ColumnMapping.extraName(header: headers[column], column: column))
            }
        }
        guard taken.contains(.phone) else { throw ColumnMappingError.noPhoneColumn(headers: headers, row: row) }
        self.headers = headers
        self.fields = fields
    }

    /// The column holding `field`, if any.
    public func column(for field: LeadField) -> Int? {
        fields.firstIndex(of: field)
    }

    /// The name an extra column is shown under: its header, or `第3列` when the header
    /// cell is blank (or the row is longer than the header).
    static func extraName(header: String?, column: Int) -> String {
        if let header {
            let trimmed = HalfWidth.trimmed(header)
            if !trimmed.isEmpty { return String(trimmed) }
        }
        return "第\(column + 1)列"
    }
}
