import Fluent
import SQLKit
import Vapor
import WaihuDomain

/// Reports 报表 (feature `reports`): the catalog, a report as JSON, CSV or XLSX, and its chart
/// as SVG. What a user sees is narrowed by `ReportScope.of(_:)`; every download is audited.
struct ReportController {
    func register(on api: RoutesBuilder) {
        let reports = api.guarded(feature: .reports)
        reports.get("reports", use: catalog)
        reports.get("reports", ":name", use: report)
        reports.get("reports", ":name", "chart.svg", use: chart)
    }

    struct CatalogEntry: Content {
        var name: String
        var title: String
        var defaultGroup: String
        var groups: [String]
        var chart: String?
        var columns: [ReportColumn]

        enum CodingKeys: String, CodingKey {
            case name, title, groups, chart, columns
            case defaultGroup = "default_group"
        }
    }

    func catalog(_ req: Request) async throws -> [CatalogEntry] {
        ReportKind.allCases.map { kind in
            CatalogEntry(name: kind.rawValue, title: kind.title, defaultGroup: kind.defaultGroup.rawValue,
                         groups: kind.groups.map(\.rawValue), chart: kind.chart?.rawValue, columns: kind.columns)
        }
    }

    enum Format: String { case json, csv, xlsx }

    func report(_ req: Request) async throws -> Response {
        let format: Format
        let text = req.query[String.self, at: "format"] ?? "json"
        guard let parsed = Format(rawValue: text) else {
            throw ReportRequestError.invalidParameter("format", "\"\(text)\" is not json, csv or xlsx")
        }
        format = parsed
        let table = try await build(req)
        switch format {
        case .json:
            return try await table.encodeResponse(for: req)
        case .csv:
            try await audit(req, table, format: format)
            let response = Response(status: .ok, body: .init(string: ReportCSV.render(table)))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            response.headers.contentDisposition = .init(.attachment, filename: Self.fileName(table, "csv"))
            return response
        case .xlsx:
            let data = try await req.application.threadPool.runIfActive { try ReportXLSX.data(table) }
            try await audit(req, table, format: format)
            let response = Response(status: .ok, body: .init(data: data))
            response.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            response.headers.contentDisposition = .init(.attachment, filename: Self.fileName(table, "xlsx"))
            return response
        }
    }

    func chart(_ req: Request) async throws -> Response {
        let table = try await build(req)
        let response = Response(status: .ok, body: .init(string: ReportChart.svg(table)))
        response.headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml", parameters: ["charset": "utf-8"])
        return response
    }

    /// Parses `from`, `to` and `group_by` (400 naming the bad one) and computes the report.
    private func build(_ req: Request) async throws -> ReportTable {
        let name = req.parameters.get("name") ?? ""
        guard let kind = ReportKind(rawValue: name) else { throw ReportRequestError.unknownReport(name) }
        let period = try ReportPeriod(from: req.query[String.self, at: "from"], to: req.query[String.self, at: "to"])
        var group: ReportGroup?
        if let text = req.query[String.self, at: "group_by"], !text.isEmpty {
            guard let parsed = ReportGroup(rawValue: text), ReportGroup.requestable.contains(parsed) else {
                throw ReportRequestError.invalidParameter(
                    "group_by", "\"\(text)\" is not one of \(ReportGroup.requestable.map(\.rawValue).joined(separator: ", "))")
            }
            group = parsed
        }
        guard let user = req.auth.get(UserRecord.self) else { throw Abort(.unauthorized) }
        let scope = try await ReportScope.of(user, on: req.db)
        guard let sql = req.db as? SQLDatabase else { throw Abort(.internalServerError, reason: "reports need an SQL database") }
        return try await ReportBuilder(sql: sql, lanes: ReportLanes.of(req.application, logger: req.logger))
            .build(kind, period: period, group: group, scope: scope)
    }

    private func audit(_ req: Request, _ table: ReportTable, format: Format) async throws {
        try await AuditLog.record(.reportDownload, by: req.auditActor, target: table.report,
                                  detail: "format=\(format.rawValue) from=\(table.from) to=\(table.to) group_by=\(table.groupBy)",
                                  on: req.db, logger: req.logger)
    }

    static func fileName(_ table: ReportTable, _ ext: String) -> String {
        "waihu-\(table.report)-\(table.groupBy)-\(table.from)_\(table.to).\(ext)"
    }
}
