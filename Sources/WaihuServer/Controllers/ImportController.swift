import Fluent
import Vapor
import WaihuDomain

/// 名单导入 through the web: upload a file, poll the import, download the rejects.
struct ImportController {
    func register(on api: RoutesBuilder) {
        let batches = api.guarded(feature: .listBatches)
        batches.on(.POST, "imports", body: .collect(maxSize: "512mb"), use: start)
        batches.on(.POST, "imports", "preview", body: .collect(maxSize: "512mb"), use: preview)
        batches.get("imports", ":importID", use: show)
        batches.get("imports", ":importID", "rejects.csv", use: rejects)
    }

    /// multipart/form-data: `file`, `batch`, `source`, and optionally `cost` (yuan per
    /// lead), `as_of` (YYYY-MM-DD), `maps` (one `HEADER=field` a line), `encoding`
    /// (utf-8|gbk), `sheet`, `header_row` (the row of the headers; empty finds it),
    /// `teams` (comma-separated team names).
    struct ImportForm: Content {
        var file: File
        var batch: String
        var source: String
        var cost: String?
        var as_of: String?
        var maps: String?
        var encoding: String?
        var sheet: String?
        var header_row: String?
        var teams: String?
    }

    /// multipart/form-data: `file` (a CSV may be only its beginning), and optionally `maps`,
    /// `encoding`, `sheet` and `header_row` as for an import.
    struct PreviewForm: Content {
        var file: File
        var maps: String?
        var encoding: String?
        var sheet: String?
        var header_row: String?
    }

    struct Started: Content {
        var id: UUID
    }

    func start(_ req: Request) async throws -> Response {
        guard req.headers.contentType?.type == "multipart" else {
            throw Abort(.unsupportedMediaType, reason: "send the list as multipart/form-data with fields file, batch and source")
        }
        let form: ImportForm
        do { form = try req.content.decode(ImportForm.self) } catch let error as DecodingError {
            throw Abort(.badRequest, reason: error.fieldMessage)
        }
        var cost: Double?
        if let text = form.cost?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let value = Double(text), value >= 0 else { throw Abort(.badRequest, reason: "cost must be a number of yuan, e.g. 0.50") }
            cost = value
        }
        var asOf = CalendarDay.today()
        if let text = form.as_of?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let date = LeadDateParser.parse(text) else { throw Abort(.badRequest, reason: "as_of '\(text)' is not a date (YYYY-MM-DD)") }
            asOf = date
        }
        let options = try Self.fileOptions(asOf: asOf, maps: form.maps, encoding: form.encoding, sheet: form.sheet,
                                           headerRow: form.header_row)
        var teamIDs: [UUID] = []
        for name in (form.teams ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let team = try await TeamRecord.query(on: req.db).filter(\.$name == name).first() else {
                throw Abort(.badRequest, reason: "no team named '\(name)'")
            }
            teamIDs.append(try team.requireID())
        }
        if try await BatchRecord.query(on: req.db).filter(\.$name == form.batch).first() != nil {
            throw Abort(.conflict, reason: LeadImportError.batchExists(form.batch).message)
        }

        let folder = req.application.waihuSettings.dataDirectory + "/uploads"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let url = URL(fileURLWithPath: folder).appendingPathComponent("import-\(UUID().uuidString)")
        try Data(buffer: form.file.data).write(to: url)

        let actor = req.auditActor
        let jobs = req.application.importJobs
        let id = await jobs.start(batch: form.batch, source: form.source, by: actor.name)
        let request = LeadImporter.Request(file: url, batchName: form.batch, sourceName: form.source, costPerLead: cost,
                                           options: options,
                                           teamIDs: teamIDs)
        let database = req.application.db
        let logger = req.logger
        Task.detached {
            do {
                let result = try await LeadImporter(database: database, actor: actor).run(request) { progress in
                    Task { await jobs.progress(id, progress) }
                }
                try? await AuditLog.record(.listImport, by: actor, target: request.batchName,
                                           detail: "rows=\(result.report.rows) imported=\(result.report.imported)", on: database, logger: logger)
                await jobs.finish(id, result: result)
            } catch {
                await jobs.fail(id, message: leadImportMessage(error))
            }
            try? FileManager.default.removeItem(at: url)
        }
        return try await Started(id: id).encodeResponse(status: .accepted, for: req)
    }

    /// The first rows of the file and the header row an import would take (`LeadFilePreview`);
    /// 400 with the reason for a file that cannot be read at all.
    func preview(_ req: Request) async throws -> Response {
        guard req.headers.contentType?.type == "multipart" else {
            throw Abort(.unsupportedMediaType, reason: "send the list as multipart/form-data with a field file")
        }
        let form: PreviewForm
        do { form = try req.content.decode(PreviewForm.self) } catch let error as DecodingError {
            throw Abort(.badRequest, reason: error.fieldMessage)
        }
        let options = try Self.fileOptions(asOf: CalendarDay.today(), maps: form.maps, encoding: form.encoding, sheet: form.sheet,
                                           headerRow: form.header_row)
        let folder = req.application.waihuSettings.dataDirectory + "/uploads"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let url = URL(fileURLWithPath: folder).appendingPathComponent("preview-\(UUID().uuidString)")
        try Data(buffer: form.file.data).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        // Reading a workbook's first rows still unpacks its small parts: off the event loop.
        let preview: LeadFilePreview
        do {
            preview = try await req.application.threadPool.runIfActive(eventLoop: req.eventLoop) {
                try LeadFilePreview.read(url: url, options: options)
            }.get()
        } catch {
            throw Abort(.badRequest, reason: leadImportMessage(error))
        }
        let response = Response(status: .ok)
        try response.content.encode(preview, as: .json)
        return response
    }

    /// The reading options of a form, with a 400 naming the field that is wrong.
    static func fileOptions(asOf: CalendarDay, maps: String?, encoding: String?, sheet: String?, headerRow: String?) throws -> LeadFileOptions {
        var overrides: [ColumnOverride] = []
        for line in (maps ?? "").split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do { overrides.append(try ColumnOverride(parsing: String(line))) } catch let error as ColumnMappingError {
                throw Abort(.badRequest, reason: error.message)
            }
        }
        var textEncoding: TextEncoding?
        if let name = encoding?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
            guard let value = TextEncoding(name: name) else { throw Abort(.badRequest, reason: "encoding must be utf-8 or gbk") }
            textEncoding = value
        }
        var row: Int?
        if let text = headerRow?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let value = Int(text), value >= 1 else { throw Abort(.badRequest, reason: HeaderRowError.notARowNumber(text).message) }
            row = value
        }
        let sheetName = sheet?.trimmingCharacters(in: .whitespaces)
        return LeadFileOptions(asOf: asOf, overrides: overrides, encoding: textEncoding,
                               sheet: sheetName?.isEmpty == false ? sheetName : nil, headerRow: row)
    }

    func show(_ req: Request) async throws -> ImportJobs.Job {
        try await job(req)
    }

    func rejects(_ req: Request) async throws -> Response {
        let job = try await job(req)
        guard let report = job.report else { throw Abort(.conflict, reason: "the import has not finished") }
        var text = "\u{FEFF}row,reason,value\r\n"
        for reject in report.rejects {
            let value = reject.value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + reject.value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : reject.value
            text += "\(reject.row),\(reject.reason.rawValue),\(value)\r\n"
        }
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"rejects.csv\"")
        return response
    }

    private func job(_ req: Request) async throws -> ImportJobs.Job {
        guard let id = req.parameters.get("importID", as: UUID.self),
              let job = await req.application.importJobs.job(id) else { throw Abort(.notFound, reason: "no such import") }
        return job
    }
}
