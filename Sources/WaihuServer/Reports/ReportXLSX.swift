import Foundation

/// A report as a real .xlsx (`XLSXWriter`): numbers as numbers, "—" where a KPI has no value.
public enum ReportXLSX {
    /// Writes the workbook to `url`: one sheet with the report, one with the parameters.
    public static func write(_ table: ReportTable, to url: URL) throws {
        let writer = try XLSXWriter(url: url)
        try writer.addSheet(named: "report")
        let notes = table.rows.contains { !$0.notes.isEmpty }
        var header = [table.groupTitle]
        if notes { header.append("类别 category") }
        header += table.columns.map { "\($0.title) \($0.englishTitle)" + ReportCSV.unitSuffix($0) }
        try writer.appendHeader(header)
        for row in table.rows + (table.total.map { [$0] } ?? []) {
            var cells: [XLSXCell] = [.text(row.label)]
            if notes { cells.append(.text(row.notes["category"] ?? "")) }
            for column in table.columns {
                if let value = row.values[column.id] ?? nil, value.isFinite {
                    cells.append(.number(value))
                } else {
                    cells.append(.text("—"))
                }
            }
            try writer.appendRow(cells)
        }
        try writer.addSheet(named: "parameters")
        try writer.appendHeader(["parameter", "value"])
        for (name, value) in [("report", table.report), ("title", table.title), ("from", table.from), ("to", table.to),
                              ("group_by", table.groupBy)] {
            try writer.appendRow([.text(name), .text(value)])
        }
        try writer.finish()
    }

    /// The workbook's bytes (written to a temporary file first: the writer streams to disk).
    public static func data(_ table: ReportTable) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-report-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(table, to: url)
        return try Data(contentsOf: url)
    }
}
