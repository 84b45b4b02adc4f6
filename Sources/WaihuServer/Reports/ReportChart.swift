import Foundation
import WaihuDomain

/// A report's chart as hand-written SVG: a line for trends (daily, calls per hour), bars for
/// rankings and distributions. Drawn on the server so the page needs no chart library.
public enum ReportChart {
    static let width = 760.0, height = 320.0
    static let left = 64.0, right = 16.0, top = 36.0, bottom = 56.0

    public static func svg(_ table: ReportTable) -> String {
        let column = table.columns.first { $0.id == table.chartColumn } ?? table.columns.first
        let points: [(label: String, value: Double?)] = table.rows.map { row in
            (row.label, column.flatMap { row.values[$0.id] ?? nil })
        }
        let title = "\(table.title) · \(column.map { "\($0.title) \($0.englishTitle)" } ?? "") · \(table.from)–\(table.to)"
        let maximum = max(points.compactMap(\.value).max() ?? 0, 0)
        let scale = niceCeiling(maximum)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func y(_ value: Double) -> Double { top + plotHeight - (scale > 0 ? value / scale * plotHeight : 0) }

        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" data-report="\(escape(table.report))" data-points="\(points.count)">
        <title>\(escape(title))</title>
        <rect x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="#ffffff"/>
        <text x="\(left)" y="20" font-size="13" font-family="sans-serif" fill="#222">\(escape(title))</text>

        """
        // Axis with four gridlines.
        for step in 0...4 {
            let value = scale * Double(step) / 4
            let yy = y(value)
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(yy))\" x2=\"\(f(width - right))\" y2=\"\(f(yy))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(yy + 4))\" font-size=\"10\" text-anchor=\"end\" font-family=\"sans-serif\" fill=\"#555\">\(escape(axisText(value, column?.unit)))</text>\n"
        }
        if points.isEmpty {
            svg += "<text x=\"\(f(width / 2))\" y=\"\(f(height / 2))\" text-anchor=\"middle\" font-size=\"14\" font-family=\"sans-serif\" fill=\"#888\">无数据 no data</text>\n"
            return svg + "</svg>\n"
        }
        let slot = plotWidth / Double(points.count)
        let labelEvery = max(1, Int((Double(points.count) / 24).rounded(.up)))
        for (index, point) in points.enumerated() where index % labelEvery == 0 {
            let x = left + slot * (Double(index) + 0.5)
            svg += "<text x=\"\(f(x))\" y=\"\(f(height - bottom + 14))\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-35 \(f(x)) \(f(height - bottom + 14)))\" font-family=\"sans-serif\" fill=\"#555\">\(escape(String(point.label.prefix(14))))</text>\n"
        }
        switch table.chart.flatMap(ReportChartKind.init(rawValue:)) ?? .bars {
        case .line:
            let coordinates = points.enumerated().compactMap { index, point in
                point.value.map { "\(f(left + slot * (Double(index) + 0.5))),\(f(y($0)))" }
            }
            svg += "<polyline class=\"series\" fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"2\" points=\"\(coordinates.joined(separator: " "))\"/>\n"
            for (index, point) in points.enumerated() {
                guard let value = point.value else { continue }
                svg += "<circle cx=\"\(f(left + slot * (Double(index) + 0.5)))\" cy=\"\(f(y(value)))\" r=\"3\" fill=\"#1f6feb\"><title>\(escape(point.label)): \(escape(KPIValue(value, unit: column?.unit ?? .number).text))</title></circle>\n"
            }
        case .bars:
            for (index, point) in points.enumerated() {
                guard let value = point.value else { continue }
                let barWidth = max(2, slot * 0.7)
                let x = left + slot * Double(index) + (slot - barWidth) / 2
                svg += "<rect class=\"bar\" x=\"\(f(x))\" y=\"\(f(y(value)))\" width=\"\(f(barWidth))\" height=\"\(f(top + plotHeight - y(value)))\" fill=\"#2da44e\"><title>\(escape(point.label)): \(escape(KPIValue(value, unit: column?.unit ?? .number).text))</title></rect>\n"
            }
        }
        return svg + "</svg>\n"
    }

    /// 1, 2 or 5 × 10ⁿ at or above `value`, so gridlines fall on round numbers.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, (log10(value)).rounded(.down))
        for factor in [1.0, 2, 5, 10] where factor * power >= value { return factor * power }
        return 10 * power
    }

    static func axisText(_ value: Double, _ unit: KPIUnit?) -> String {
        switch unit {
        case .percent: return String(format: "%g%%", value)
        case .seconds: return KPIValue.duration(value)
        default: return String(format: "%g", value)
        }
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
