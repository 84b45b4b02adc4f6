import Fluent
import Vapor
import WaihuDomain

/// 禁呼名单: list, add, remove and import numbers the dialer must not call.
struct DoNotCallController {
    func register(on api: RoutesBuilder) {
        let dnc = api.guarded(feature: .doNotCall)
        dnc.get("dnc", use: list)
        dnc.post("dnc", use: add)
        dnc.delete("dnc", ":number", use: remove)
        dnc.on(.POST, "dnc", "import", body: .collect(maxSize: "64mb"), use: importList)
    }

    struct Page: Content {
        var total: Int
        var entries: [DoNotCallList.Entry]
    }

    func list(_ req: Request) async throws -> Page {
        let limit = min(max(req.query[Int.self, at: "limit"] ?? 100, 1), 1000)
        let offset = max(req.query[Int.self, at: "offset"] ?? 0, 0)
        let result = try await DoNotCallList(database: req.db, actor: req.auditActor).list(query: req.query[String.self, at: "q"], limit: limit, offset: offset)
        return Page(total: result.total, entries: result.entries)
    }

    /// `{"number": "138…", "reason": "客户拒绝", "until": "2026-09-01"?, "forever": true?}`:
    /// without `until` the refusal period (6 months from today); `forever` lists it for good.
    struct AddRequest: Decodable {
        var number: String
        var reason: String
        var until: String?
        var forever: Bool?
    }

    func add(_ req: Request) async throws -> Response {
        let body = try req.decodeBody(AddRequest.self)
        let until = try untilDate(body.until, forever: body.forever ?? false)
        let entry = try await mapErrors { try await DoNotCallList(database: req.db, actor: req.auditActor).add(body.number, reason: body.reason, until: until) }
        return try await EntryBody(entry: entry).encodeResponse(status: .created, for: req)
    }

    struct EntryBody: Content {
        var entry: DoNotCallList.Entry
    }

    func remove(_ req: Request) async throws -> HTTPStatus {
        let number = req.parameters.get("number") ?? ""
        try await mapErrors { try await DoNotCallList(database: req.db, actor: req.auditActor).remove(number) }
        return .noContent
    }

    /// Plain text (one number a line) as the body, or multipart with `file`; `?reason=&until=`.
    func importList(_ req: Request) async throws -> DoNotCallList.ImportSummary {
        var text: String
        if req.headers.contentType?.type == "multipart" {
            struct Form: Content { var file: File; var reason: String?; var until: String? }
            let form = try req.content.decode(Form.self)
            text = String(buffer: form.file.data)
        } else {
            text = req.body.data.map { String(buffer: $0) } ?? ""
        }
        if text.isEmpty { throw Abort(.badRequest, reason: "the list is empty: send one number a line") }
        let reason = req.query[String.self, at: "reason"].flatMap { $0.isEmpty ? nil : $0 } ?? "导入"
        let until = try untilDate(req.query[String.self, at: "until"], forever: req.query[Bool.self, at: "forever"] ?? false)
        return try await DoNotCallList(database: req.db, actor: req.auditActor).importLines(text, reason: reason, until: until)
    }

    private func untilDate(_ value: String?, forever: Bool) throws -> CalendarDay? {
        if forever { return nil }
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return DoNotCallPeriod().until(from: .today())
        }
        guard let date = LeadDateParser.parse(text) else { throw Abort(.badRequest, reason: DoNotCallError.invalidDate(text).message) }
        return date
    }

    private func mapErrors<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as DoNotCallError {
            if case .notListed = error { throw Abort(.notFound, reason: error.message) }
            throw Abort(.badRequest, reason: error.message)
        }
    }
}
