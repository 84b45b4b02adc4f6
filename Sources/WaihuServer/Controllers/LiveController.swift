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
        return try await LiveFigures.compute(sql: sql, day: try day(req), scope: scope)
    }

    /// `text/event-stream`: an `event: figures` with the JSON of `LiveFigures` at once, then
    /// after every change (a store by this server wakes it at once; other writers are seen
    /// by a check every second), and a comment every 15 s to keep proxies from closing it.
    func stream(_ req: Request) async throws -> Response {
        guard let user = req.auth.get(UserRecord.self), let sql = req.db as? SQLDatabase else { throw Abort(.unauthorized) }
        // A stream never ends: only for a client that asks for one (EventSource does), not
        // for a plain GET that would wait for the end of the body.
        guard req.headers[.accept].contains(where: { $0.contains("text/event-stream") }) else {
            throw Abort(.notAcceptable, reason: "this is a server-sent events stream: send Accept: text/event-stream (GET /api/v1/live gives a snapshot)")
        }
        let scope = try await ReportScope.of(user, on: req.db)
        let day = try day(req)
        let hub = req.application.liveHub
        let logger = req.logger
        let response = Response(status: .ok)
        response.headers.contentType = HTTPMediaType(type: "text", subType: "event-stream", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        response.body = .init(asyncStream: { writer in
            let (wake, waker) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
            let forward = Task {
                for await _ in hub.updates() { waker.yield() }
                waker.finish()  // the server is stopping
            }
            let ticker = Task {
                // The one-second check for writers in other processes, and the keep-alive.
                var last = (try? await LiveFigures.version(sql: sql)) ?? ""
                var quiet = 0
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: 1_000_000_000)
                    let now = (try? await LiveFigures.version(sql: sql)) ?? last
                    quiet += 1
                    if now != last || quiet >= 15 {
                        waker.yield()
                        last = now
                        quiet = 0
                    }
                }
            }
            defer {
                forward.cancel()
                ticker.cancel()
            }
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            var sent = ""
            do {
                var first = true
                var iterator = wake.makeAsyncIterator()
                while true {
                    if !first {
                        guard await iterator.next() != nil else { break }
                    }
                    first = false
                    let figures = try await LiveFigures.compute(sql: sql, day: day, scope: scope)
                    var unstamped = figures
                    unstamped.at = Date(timeIntervalSince1970: 0)
                    let fingerprint = String(decoding: try encoder.encode(unstamped), as: UTF8.self)
                    if fingerprint == sent {
                        // Nothing new (a keep-alive wake-up): a comment line keeps the connection open.
                        try await writer.write(.buffer(ByteBuffer(string: ": keep-alive\n\n")))
                        continue
                    }
                    sent = fingerprint
                    let text = String(decoding: try encoder.encode(figures), as: UTF8.self)
                    try await writer.write(.buffer(ByteBuffer(string: "event: figures\ndata: \(text)\n\n")))
                }
            } catch {
                logger.debug("live stream ended: \(error)")
            }
            try? await writer.write(.end)
        })
        return response
    }
}
