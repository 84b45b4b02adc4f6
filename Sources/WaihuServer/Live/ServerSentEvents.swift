import Foundation
import NIOCore
import Vapor

/// A `text/event-stream` response (server-sent events) that pushes one named event with a
/// JSON body at once and again whenever something may have changed, so that a page — even in
/// a background tab, where browsers throttle timers — never polls. An unchanged body sends a
/// comment instead, which also keeps proxies from closing the connection.
enum ServerSentEvents {
    /// One rendering of the event: what it says (`data`) and what counts as a change
    /// (`fingerprint`, e.g. the body without its timestamp).
    struct Rendering: Sendable {
        var fingerprint: String
        var data: String

        /// The body, and what identifies it (the body itself unless it carries a timestamp
        /// that alone should not count as a change), both in canonical JSON.
        init<Body: Encodable, Identity: Encodable>(_ body: Body, identity: Identity) throws {
            let encoder = ServerSentEvents.canonicalEncoder()
            data = String(decoding: try encoder.encode(body), as: UTF8.self)
            fingerprint = String(decoding: try encoder.encode(identity), as: UTF8.self)
        }

        init<Body: Encodable>(_ body: Body) throws {
            data = String(decoding: try ServerSentEvents.canonicalEncoder().encode(body), as: UTF8.self)
            fingerprint = data
        }
    }

    /// JSON with sorted keys. A dictionary's keys come out in a different order from one
    /// encoding to the next; sorted, the same data always gives the same text, so an unchanged
    /// state is recognised and costs a keep-alive comment instead of the whole body again.
    static func canonicalEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Refuses a plain GET: a stream never ends, so only a client that asks for one (as
    /// EventSource does) gets it; `snapshot` names the route that answers once.
    static func requireEventStreamClient(_ req: Request, snapshot: String) throws {
        guard req.headers[.accept].contains(where: { $0.contains("text/event-stream") }) else {
            throw Abort(.notAcceptable, reason: "this is a server-sent events stream: send Accept: text/event-stream (GET \(snapshot) gives a snapshot)")
        }
    }

    /// `wakers` starts the tasks that wake the stream (they yield to the continuation and
    /// finish it when the server stops); they are cancelled when the client goes away.
    static func response(event: String, logger: Logger,
                         wakers: @escaping @Sendable (AsyncStream<Void>.Continuation) -> [Task<Void, Never>],
                         render: @escaping @Sendable () async throws -> Rendering) -> Response {
        let response = Response(status: .ok)
        response.headers.contentType = HTTPMediaType(type: "text", subType: "event-stream", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        response.body = .init(asyncStream: { writer in
            let (wake, waker) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
            let tasks = wakers(waker)
            defer { tasks.forEach { $0.cancel() } }
            var sent = ""
            do {
                var first = true
                var iterator = wake.makeAsyncIterator()
                while true {
                    if !first { guard await iterator.next() != nil else { break } }
                    first = false
                    let rendering = try await render()
                    if rendering.fingerprint == sent {
                        try await writer.write(.buffer(ByteBuffer(string: ": keep-alive\n\n")))
                        continue
                    }
                    sent = rendering.fingerprint
                    try await writer.write(.buffer(ByteBuffer(string: "event: \(event)\ndata: \(rendering.data)\n\n")))
                }
            } catch {
                logger.debug("\(event) stream ended: \(error)")
            }
            try? await writer.write(.end)
        })
        return response
    }
}
