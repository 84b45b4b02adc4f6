/// The file formats leads are exported in.
public enum LeadExportFormat: String, Sendable, CaseIterable {
    case csv
    case xlsx

    public var contentType: String {
        switch self {
        case .csv: return "text/csv; charset=utf-8"
        case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}
