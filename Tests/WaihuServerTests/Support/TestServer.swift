import AsyncHTTPClient
import FluentKit
import Foundation
import NIOCore
import NIOHTTP1
import SQLKit
import Vapor
import WaihuServer
import XCTest

typealias HTTPMethod = NIOHTTP1.HTTPMethod

/// A waihu server on 127.0.0.1 with a random port and a fresh database: SQLite in a temporary
/// folder, or the PostgreSQL database named by WAIHU_TEST_DATABASE (emptied first).
/// Tests talk to it over real HTTP.
final class TestServer: @unchecked Sendable {
    static let adminPassword = "admin-test-password"

    let app: Application
    let baseURL: String
    let dataDirectory: String
    let client: HTTPClient

    static func start(configure: (inout ServerSettings) -> Void = { _ in }) async throws -> TestServer {
        let dataDirectory = NSTemporaryDirectory() + "waihu-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        var settings = ServerSettings()
        settings.httpHost = "127.0.0.1"
        settings.httpPort = 0
        settings.dataDirectory = dataDirectory
        settings.publicDirectory = packageRoot + "/Public"
        if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] {
            settings.database = try DatabaseLocation(parsing: url)
        }
        configure(&settings)

        let app = try await Application.make(.testing)
        do {
            try await WaihuApp.configure(app, settings: settings)
            if case .postgres = settings.resolvedDatabase { try await emptySchema(app) }
            try await WaihuApp.prepareDatabase(app)
            _ = try await AdminBootstrap.ensureAdministrator(on: app.db, passwords: app.passwordHashing, environmentPassword: adminPassword)
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        guard let port = app.http.server.shared.localAddress?.port else {
            await app.server.shutdown()
            try? await app.asyncShutdown()
            throw TestFailure("the test server did not report its port")
        }
        return TestServer(app: app, baseURL: "http://127.0.0.1:\(port)", dataDirectory: dataDirectory)
    }

    private init(app: Application, baseURL: String, dataDirectory: String) {
        self.app = app
        self.baseURL = baseURL
        self.dataDirectory = dataDirectory
        self.client = HTTPClient(eventLoopGroupProvider: .singleton)
    }

    func stop() async throws {
        try await client.shutdown()
        await app.server.shutdown()
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }

    typealias Reply = APIClient.Reply

    @discardableResult
    func request(_ method: HTTPMethod, _ path: String, token: String? = nil, cookie: String? = nil,
                 body: Any? = nil, headers: [(String, String)] = []) async throws -> Reply {
        try await APIClient(baseURL: baseURL, client: client).request(method, path, token: token, cookie: cookie, body: body, headers: headers)
    }

    func login(_ username: String, _ password: String) async throws -> String {
        let reply = try await request(.POST, "/api/v1/auth/login", body: ["username": username, "password": password])
        guard reply.status == 200, let token = reply.json["token"] as? String else {
            XCTFail("login \(username) failed: \(reply.status) \(reply.text)")
            throw Abort(.unauthorized)
        }
        return token
    }

    func adminToken() async throws -> String {
        try await login("admin", Self.adminPassword)
    }

    /// Creates a user through the API as admin and returns a token for them.
    func userToken(_ username: String, role: String, team: String? = nil) async throws -> String {
        let admin = try await adminToken()
        var body: [String: Any] = ["username": username, "role": role, "password": "pw-\(username)-123"]
        if let team { body["team"] = team }
        let reply = try await request(.POST, "/api/v1/users", token: admin, body: body)
        XCTAssertEqual(reply.status, 201, reply.text)
        return try await login(username, "pw-\(username)-123")
    }
}

/// The package's root folder, from this file's path.
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

extension TestServer {
    /// Starts a server, runs `body` against it and always stops it.
    static func with(configure: (inout ServerSettings) -> Void = { _ in }, _ body: (TestServer) async throws -> Void) async throws {
        let server = try await start(configure: configure)
        do {
            try await body(server)
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }
}

extension TestServer {
    static func emptySchema(_ app: Application) async throws {
        guard let sql = app.db as? SQLDatabase else { return }
        try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
        try await sql.raw("CREATE SCHEMA public").run()
    }

    /// Empties the PostgreSQL test database (no-op on SQLite), for tests that start `waihu serve` on it.
    static func emptyTestDatabase() async throws {
        guard let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] else { return }
        var settings = ServerSettings()
        settings.database = try DatabaseLocation(parsing: url)
        let app = try await Application.make(.testing)
        do {
            try await WaihuApp.configure(app, settings: settings)
            try await emptySchema(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// HTTP to a waihu server with JSON bodies.
struct APIClient {
    let baseURL: String
    let client: HTTPClient

    struct Reply {
        var status: Int
        var headers: HTTPHeaders
        var body: Data

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var jsonArray: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
        var text: String { String(decoding: body, as: UTF8.self) }
        var reason: String { json["reason"] as? String ?? "" }
    }

    /// One HTTP request. `body` is JSON-encoded unless it is already `Data` or a `String` (sent raw).
    @discardableResult
    func request(_ method: HTTPMethod, _ path: String, token: String? = nil, cookie: String? = nil,
                 body: Any? = nil, headers extraHeaders: [(String, String)] = [],
                 timeout: TimeAmount = .seconds(30)) async throws -> Reply {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let cookie { request.headers.add(name: "Cookie", value: cookie) }
        for (name, value) in extraHeaders { request.headers.add(name: name, value: value) }
        if let body {
            let data: Data
            switch body {
            case let raw as Data: data = raw
            case let text as String: data = Data(text.utf8)
            default: data = try JSONSerialization.data(withJSONObject: body)
            }
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: data))
        }
        let response = try await client.execute(request, timeout: timeout)
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: Data(buffer: bytes))
    }

    func get(_ path: String, token: String? = nil) async throws -> Reply {
        try await request(.GET, path, token: token)
    }

    func post(_ path: String, _ body: [String: Any], token: String? = nil) async throws -> Reply {
        try await request(.POST, path, token: token, body: body)
    }
}
