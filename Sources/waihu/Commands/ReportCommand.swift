import ArgumentParser
import Foundation
import SQLKit
import WaihuServer

/// `waihu report NAME --from DATE --to DATE --group-by agent --format json|csv|xlsx [--output FILE]`.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute a report 报表 (docs/reports.md): \(ReportKind.allCases.map(\.rawValue).joined(separator: ", "))."
    )

    @Argument(help: "The report's name.") var name: String
    @Option(help: "First day, YYYY-MM-DD (Asia/Shanghai).") var from: String
    @Option(help: "Last day, YYYY-MM-DD (default: the first).") var to: String?
    @Option(name: .customLong("group-by"), help: "agent, team, campaign, batch, source, hour or day (default: the report's).") var groupBy: String?
    @Option(help: "json, csv, xlsx or table.") var format: String = "table"
    @Option(help: "Write to this file instead of standard output (needed for xlsx).") var output: String?
    @OptionGroup var storage: StorageOptions

    func run() async throws {
        guard let kind = ReportKind(rawValue: name) else { throw ValidationError(ReportRequestError.unknownReport(name).description) }
        let period: ReportPeriod
        var group: ReportGroup?
        do {
            period = try ReportPeriod(from: from, to: to)
            if let groupBy {
                guard let parsed = ReportGroup(rawValue: groupBy), ReportGroup.requestable.contains(parsed) else {
                    throw ReportRequestError.invalidParameter("group-by", "\"\(groupBy)\" is not one of \(ReportGroup.requestable.map(\.rawValue).joined(separator: ", "))")
                }
                group = parsed
            }
        } catch let error as ReportRequestError {
            throw ValidationError(error.description.replacingOccurrences(of: "parameter '", with: "option '--"))
        }
        guard ["json", "csv", "xlsx", "table"].contains(format) else {
            throw ValidationError("--format must be json, csv, xlsx or table")
        }
        if format == "xlsx" && output == nil { throw ValidationError("--format xlsx needs --output FILE") }
        let started = Date()
        let table: ReportTable
        do {
            table = try await withApplication(storage.settings()) { app in
                guard let sql = app.db as? SQLDatabase else { throw ValidationError("the database does not speak SQL") }
                return try await ReportBuilder(sql: sql, lanes: ReportLanes.of(app, logger: app.logger))
                    .build(kind, period: period, group: group, scope: .everything)
            }
        } catch let error as ReportRequestError {
            throw ValidationError(error.description)
        }
        let elapsed = Date().timeIntervalSince(started)
        switch format {
        case "xlsx":
            try ReportXLSX.write(table, to: URL(fileURLWithPath: output!))
        case "csv":
            try emit(ReportCSV.render(table))
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try emit(String(decoding: try encoder.encode(table), as: UTF8.self) + "\n")
        default:
            try emit(text(table))
        }
        if output != nil { print("wrote \(output!) (\(table.rows.count) rows, computed in \(String(format: "%.2f", elapsed)) s)") }
    }

    private func emit(_ text: String) throws {
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } else {
            print(text, terminator: "")
        }
    }

    private func text(_ table: ReportTable) -> String {
        let columns = table.columns
        var rows: [[String]] = []
        for row in table.rows + (table.total.map { [$0] } ?? []) {
            rows.append([row.label] + columns.map { row.text($0) })
        }
        return "\(table.title)  \(table.from) – \(table.to)  (group by \(table.groupBy))\n" + TextTable.render(header: [table.groupTitle] + columns.map(\.title), rows: rows) + "\n"
    }
}
