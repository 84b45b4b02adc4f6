/// What a tab of a workbook holds. Only a worksheet has cells; a chart sheet (Chart1), put
/// first by whoever made the chart, must not be taken for "the first sheet" of a list.
enum XLSXSheetKind: Equatable, Sendable {
    case worksheet
    case chartsheet
    /// A dialog or macro sheet of old Excel versions.
    case other

    /// From the relationship's type, whose last path component names the kind in both the
    /// transitional (`…/officeDocument/2006/relationships/worksheet`) and the Strict
    /// (`http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet`) vocabularies;
    /// without a type, from the folder the part is in.
    init(relationshipType: String?, target: String) {
        let name = relationshipType.map { $0.split(separator: "/").last.map(String.init) ?? "" }
        switch name {
        case "worksheet": self = .worksheet
        case "chartsheet": self = .chartsheet
        case .some: self = .other
        case nil: self = target.contains("chartsheets/") ? .chartsheet : .worksheet
        }
    }

    /// The kind in the words of a refusal: `Chart1 (chart sheet)`.
    var label: String {
        switch self {
        case .worksheet: return "worksheet"
        case .chartsheet: return "chart sheet"
        case .other: return "not a worksheet"
        }
    }
}
