import Vapor
import WaihuDomain

/// `POST /api/v1/events/import` (admins): a JSON Lines body of events, stored in one
/// transaction; any bad line refuses the whole file with every bad line's number and reason.
struct EventController {
    func register(on api: RoutesBuilder) {
        api.guarded(.admin).on(.POST, "events", "import", body: .collect(maxSize: "256mb"), use: importEvents)
    }

    struct ImportRefusal: Content {
        var error: Bool
        var reason: String
        var badLines: Int
        var errors: [String]
        var lines: [Int]

        enum CodingKeys: String, CodingKey {
            case error, reason, errors, lines
            case badLines = "bad_lines"
        }
    }

    func importEvents(_ req: Request) async throws -> Response {
        guard var body = req.body.data, let text = body.readString(length: body.readableBytes) else {
            throw Abort(.badRequest, reason: "the body must be JSON Lines text (one event per line)")
        }
        let simulated = req.query[Bool.self, at: "simulated"] ?? false
        do {
            let summary = try await EventStore(database: req.db).importLines(text, simulated: simulated)
            req.application.liveHub.changed()
            return try await summary.encodeResponse(status: .created, for: req)
        } catch let failure as EventImportFailure {
            let refusal = ImportRefusal(error: true, reason: failure.description, badLines: failure.badLines,
                                        errors: failure.errors.map(\.message), lines: failure.errors.map(\.line))
            return try await refusal.encodeResponse(status: .badRequest, for: req)
        }
    }
}
