import Fluent
import Vapor
import WaihuDomain

/// 客户名单: search, view and edit leads, with their history; export for privileged roles.
struct LeadController {
    func register(on api: RoutesBuilder) {
        // Constant path before the parameter route; Vapor prefers constants anyway.
        api.grouped(ExportRefusalAudit()).guarded(feature: .leadExport).get("leads", "export", use: export)
        let leads = api.guarded(feature: .leads)
        leads.get("leads", use: search)
        leads.get("leads", ":leadID", use: show)
        leads.patch("leads", ":leadID", use: edit)
        leads.get("leads", ":leadID", "history", use: history)
    }

    /// `{"total": N, "leads": [LeadView…]}`, the leads' JSON written by the database
    /// (`LeadSearchQuery.pageJSON`).
    func search(_ req: Request) async throws -> Response {
        let directory = try directory(req)
        let limit = min(max(req.query[Int.self, at: "limit"] ?? 50, 1), 500)
        let offset = max(req.query[Int.self, at: "offset"] ?? 0, 0)
        var batchID = req.query[Int.self, at: "batch_id"]
        if batchID == nil, let name = req.query[String.self, at: "batch"], !name.isEmpty {
            batchID = try await BatchRecord.query(on: req.db).filter(\.$name == name).first()?.id ?? -1
        }
        let result = try await mapErrors { try await directory.search(req.query[String.self, at: "q"], batchID: batchID, limit: limit, offset: offset) }
        var body = ByteBuffer()
        body.writeString("{\"total\":\(result.total),\"leads\":[")
        for (index, lead) in result.leadsJSON.enumerated() {
            if index > 0 { body.writeString(",") }
            body.writeString(lead)
        }
        body.writeString("]}")
        let response = Response(status: .ok, body: .init(buffer: body))
        response.headers.contentType = .json
        return response
    }

    func show(_ req: Request) async throws -> LeadView {
        let id = try leadID(req)
        return try await mapErrors { try await directory(req).lead(id) }
    }

    func history(_ req: Request) async throws -> [LeadHistoryView] {
        let id = try leadID(req)
        return try await mapErrors { try await directory(req).history(id) }
    }

    func edit(_ req: Request) async throws -> LeadView {
        let id = try leadID(req)
        guard let body = try? JSONSerialization.jsonObject(with: Data(buffer: req.body.data ?? ByteBuffer())) as? [String: Any] else {
            throw Abort(.badRequest, reason: "send a JSON object of fields to change, e.g. {\"name\": \"张三\"}")
        }
        var changes: [String: String?] = [:]
        for (key, value) in body {
            switch value {
            case let text as String: changes[key] = text
            case is NSNull: changes[key] = .some(nil)
            default: throw Abort(.badRequest, reason: "field '\(key)' must be a string or null")
            }
        }
        return try await mapErrors { try await directory(req).edit(id, changes: changes) }
    }

    func export(_ req: Request) async throws -> Response {
        let formatName = req.query[String.self, at: "format"] ?? "csv"
        guard let format = LeadExportFormat(rawValue: formatName) else {
            throw Abort(.badRequest, reason: "format must be csv or xlsx")
        }
        let batch = req.query[String.self, at: "batch"].flatMap { $0.isEmpty ? nil : $0 }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-export-\(UUID().uuidString).\(format.rawValue)")
        do {
            try await LeadExporter(database: req.db, actor: req.auditActor).export(batchName: batch, format: format, to: url)
        } catch let error as LeadExporter.ExportError {
            try? FileManager.default.removeItem(at: url)
            throw Abort(.notFound, reason: error.description)
        }
        let data = try Data(contentsOf: url)
        try? FileManager.default.removeItem(at: url)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(type: format == .csv ? "text" : "application",
                                                     subType: format == .csv ? "csv" : "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                                     parameters: format == .csv ? ["charset": "utf-8"] : [:])
        let fileName = "leads-\(batch ?? "all").\(format.rawValue)"
        response.headers.replaceOrAdd(name: .contentDisposition,
                                      value: "attachment; filename=\"leads.\(format.rawValue)\"; filename*=UTF-8''\(fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "leads")")
        return response
    }

    private func directory(_ req: Request) throws -> LeadDirectory {
        guard let user = req.auth.get(UserRecord.self) else { throw Abort(.unauthorized) }
        return LeadDirectory(database: req.db, user: user)
    }

    private func leadID(_ req: Request) throws -> Int {
        guard let id = req.parameters.get("leadID", as: Int.self) else { throw Abort(.notFound, reason: "no such lead") }
        return id
    }

    private func mapErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as LeadAccessError {
            switch error {
            case .notFound: throw Abort(.notFound, reason: error.message)
            default: throw Abort(.badRequest, reason: error.message)
            }
        }
    }
}

/// Records a refused export in the audit log: an agent trying to take the list away is
/// exactly what a list manager wants to know about.
struct ExportRefusalAudit: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as AbortError where error.status == .forbidden {
            try await AuditLog.record(.listExportRefused, by: request.auditActor,
                                      target: request.query[String.self, at: "batch"] ?? "all",
                                      detail: "role=\(request.auth.get(UserRecord.self)?.roleName ?? "")", on: request.db, logger: request.logger)
            throw error
        }
    }
}
