import Foundation
import NIOCore
import SQLKit
import Vapor
import WaihuDomain

/// Live figures 实时监控 (feature `wallboard`): a snapshot, and a server-sent-events stream
/// that pushes today's figures when events are stored.
struct LiveController {
    func register(on api: RoutesBuilder) {
        let live = api.guarded(feature: .wallboard)
        live.get("live", use: snapshot)
        live.get("live", "stream", use: stream)
    }

    /// `?day=YYYY-MM-DD` shows another day (a demo day written by `waihu simulate day`).
    private func day(_ req: Request) throws -> CalendarDay {
        if let text = req.query[String.self, at: "day"], !text.isEmpty {
            guard let day = CalendarDay(text) else {
                throw ReportRequestError.invalidParameter("day", "\"\(text)\" is not a date like 2026-11-02")
            }
            return day
        }
        return CalendarDay(LocalClock().dayAndHour(Date()).day)!
    }

    func snapshot(_ req: Request) async throws -> LiveFigures {
        guard let user = req.auth.get(UserRecord.self), let sql = req.db as? SQLDatabase else { throw Abort(.unauthorized) }
        let scope = try await ReportScope.of(user, on: req.db)
        return try await LiveFigures.compute(database: req.db, day: try day(req), scope: scope)
    }

    /// `text/event-stream`: an `event: figures` with the JSON of `LiveFigures` at once, then
    /// after every change (a store by this server wakes it at once; other writers are seen
    /// by the hub's look every second), and a comment every 15 s to keep proxies from closing
    /// it. Streams showing the same day and scope share one computation (`LiveFiguresCache`).
    func stream(_ req: Request) async throws -> Response {
        guard let user = req.auth.get(UserRecord.self), let sql = req.db as? SQLDatabase else { throw Abort(.unauthorized) }
        try ServerSentEvents.requireEventStreamClient(req, snapshot: "/api/v1/live")
        let scope = try await ReportScope.of(user, on: req.db)
        let day = try day(req)
        let hub = req.application.liveHub
        let cache = req.application.liveFiguresCache
        // Taken now: the stream may outlive the request's look at the application.
        let database = req.db
        hub.watchOtherWriters { try await LiveFigures.version(sql: sql) }
        return ServerSentEvents.response(event: "figures", logger: req.logger, wakers: { waker in
            let forward = Task {
                for await _ in hub.updates() { waker.yield() }
                waker.finish()  // the server is stopping
            }
            let keepAlive = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(15))
                    waker.yield()
                }
            }
            return [forward, keepAlive]
        }, render: {
            let figures = try await cache.figures(day: day, scope: scope, generation: hub.generation, database: database)
            var unstamped = figures
            unstamped.at = Date(timeIntervalSince1970: 0)
            return try .init(figures, identity: unstamped)
        })
    }
}
