/// 表头行: which row of a list holds the column headers. Chinese list templates put an
/// instruction block (导入说明, often a merged cell) or a title above the headers, and payment
/// apps and banks a few lines about the account; the headers are the first row whose cells
/// are column names waihu knows (`HeaderSynonyms`) or the user named (`--map`).
public enum HeaderRowRule {
    /// The header is looked for in rows 1…20: a preamble is shorter, and a list whose
    /// headers waihu does not know is refused after reading no more than this.
    public static let searchDepth = 20

    /// How much of a row reads as headers.
    public struct Match: Equatable, Sendable {
        /// Cells that are known column names or named by a mapping.
        public var knownColumns: Int
        /// One of them is the phone column: the row can be imported as the header.
        public var hasPhone: Bool
    }

    public static func match(_ cells: [String], overrides: [ColumnOverride] = []) -> Match {
        var match = Match(knownColumns: 0, hasPhone: false)
        for cell in cells {
            let normalized = HeaderSynonyms.normalize(cell)
            if normalized.isEmpty { continue }
            var field = HeaderSynonyms.field(forNormalizedHeader: normalized)
            if let override = overrides.last(where: { HeaderSynonyms.normalize($0.header) == normalized }) {
                switch override.target {
                case .field(let target): field = target
                case .ignore: field = .extra(cell)
                }
            }
            guard let field else { continue }
            match.knownColumns += 1
            if field == .phone { match.hasPhone = true }
        }
        return match
    }
}
