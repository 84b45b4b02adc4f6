import Vapor
import WaihuDomain

/// A computed report: columns, one row per group, and the total. What the API returns as
/// JSON and what the CSV, XLSX and SVG renderings are made from.
public struct ReportTable: Content, Sendable {
    public struct Row: Content, Sendable, Equatable {
        /// The group key (agent id, team, campaign, `YYYY-MM-DD`, hour 0–23 …); "" for events
        /// without one, and for the total.
        public var key: String
        public var label: String
        /// Column id → value; null where the KPI has no value (zero denominator).
        public var values: [String: Double?]
        /// Text cells of reports that have them (the category of a failure reason).
        public var notes: [String: String]

        public init(key: String, label: String, values: [String: Double?], notes: [String: String] = [:]) {
            self.key = key
            self.label = label
            self.values = values
            self.notes = notes
        }

        /// The value shown as reports show it ("12.3%", "1:02:03", "—").
        public func text(_ column: ReportColumn) -> String {
            KPIValue((values[column.id] ?? nil), unit: column.unit).text
        }
    }

    public var report: String
    public var title: String
    public var from: String
    public var to: String
    public var groupBy: String
    public var groupTitle: String
    public var columns: [ReportColumn]
    public var rows: [Row]
    public var total: Row?
    public var chart: String?
    public var chartColumn: String

    enum CodingKeys: String, CodingKey {
        case report, title, from, to, columns, rows, total, chart
        case groupBy = "group_by"
        case groupTitle = "group_title"
        case chartColumn = "chart_column"
    }
}
