import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Requests of `waihu bench web` to `waihu serve` on loopback, each timed from the moment it is
/// handed to the client until its whole body has arrived. A failure is a reply to count, not a
/// thrown error: the bench reports how many requests failed and how.
struct BenchWebHTTP: Sendable {
    let client: HTTPClient
    let baseURL: String

    struct Reply: Sendable {
        /// nil when no HTTP reply came (refused, reset, timed out).
        var status: Int?
        var seconds: Double
        var body: Data
        var retryAfter: String?
        var error: String?

        var ok: Bool { status.map { (200..<300).contains($0) } ?? false }

        /// How the report counts it (`BenchWebOutcomes`).
        var outcome: String {
            guard let status else { return "no reply" }
            return status == 503 && retryAfter != nil ? "503 retry" : String(status)
        }

        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }

        /// What went wrong, in words, for the report's notes and error messages.
        var problem: String {
            if let error { return error }
            let reason = json?["reason"] as? String ?? String(decoding: body.prefix(300), as: UTF8.self)
            return "HTTP \(status ?? 0): \(reason)"
        }
    }

    /// A client whose pool opens up to `connections` HTTP/1 connections to the server, so that
    /// that many requests run at once, each on its own connection.
    static func makeClient(connections: Int) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            timeout: .init(connect: .seconds(60), read: nil),
            connectionPool: .init(idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: max(connections, 1)))
        configuration.httpVersion = .http1Only
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Runs `body` with a client of `connections` connections, and shuts the client down after.
    static func with<T>(connections: Int, baseURL: String, _ body: (BenchWebHTTP) async throws -> T) async throws -> T {
        let client = makeClient(connections: connections)
        do {
            let result = try await body(BenchWebHTTP(client: client, baseURL: baseURL))
            try? await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    func get(_ path: String, token: String?, deadline: TimeAmount = .seconds(120)) async -> Reply {
        await send(.GET, path, token: token, body: nil, contentType: nil, deadline: deadline)
    }

    func post(_ path: String, json object: [String: Any], token: String?, deadline: TimeAmount = .seconds(120)) async -> Reply {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return await send(.POST, path, token: token, body: data, contentType: "application/json", deadline: deadline)
    }

    func post(_ path: String, text: String, contentType: String, token: String?) async -> Reply {
        await send(.POST, path, token: token, body: Data(text.utf8), contentType: contentType, deadline: .seconds(120))
    }

    private func send(_ method: HTTPMethod, _ path: String, token: String?, body: Data?, contentType: String?,
                      deadline: TimeAmount) async -> Reply {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let start = BenchWebClock.now()
        do {
            let response = try await client.execute(request, timeout: deadline)
            let buffer = try await response.body.collect(upTo: 64 << 20)
            return Reply(status: Int(response.status.code), seconds: BenchWebClock.now() - start,
                         body: Data(buffer.readableBytesView), retryAfter: response.headers.first(name: "Retry-After"))
        } catch {
            return Reply(status: nil, seconds: BenchWebClock.now() - start, body: Data(), error: "\(error)")
        }
    }
}
