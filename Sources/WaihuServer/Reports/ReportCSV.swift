import Foundation

/// A report as CSV (UTF-8 with a BOM, so Excel opens the Chinese titles right).
///
/// Numbers are written plain (percent as 12.3456, seconds as seconds) so a spreadsheet can
/// sum them; a KPI without a value is "—", as on screen.
public enum ReportCSV {
    public static func render(_ table: ReportTable) -> String {
        var lines: [String] = []
        let notes = table.rows.contains { !$0.notes.isEmpty }
        var header = [table.groupTitle]
        if notes { header.append("类别 category") }
        header += table.columns.map { "\($0.title) \($0.englishTitle)" + unitSuffix($0) }
        lines.append(header.map(field).joined(separator: ","))
        for row in table.rows + (table.total.map { [$0] } ?? []) {
            var cells = [row.label]
            if notes { cells.append(row.notes["category"] ?? "") }
            cells += table.columns.map { number(row.values[$0.id] ?? nil) }
            lines.append(cells.map(field).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    static func unitSuffix(_ column: ReportColumn) -> String {
        switch column.unit {
        case .percent: return " (%)"
        case .seconds: return " (s)"
        case .yuan: return " (元)"
        case .hours: return " (h)"
        default: return ""
        }
    }

    /// Up to four decimals, no trailing zeros.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
