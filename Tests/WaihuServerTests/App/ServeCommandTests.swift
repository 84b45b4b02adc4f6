import AsyncHTTPClient
import Foundation
import XCTest
@testable import WaihuServer

/// The README's first command, as a user runs it: `waihu serve` on an empty database
/// prints the admin password once; admin logs in and creates an agent; the CLI manages
/// users while the server runs; the agent is refused administration.
final class ServeCommandTests: XCTestCase {
    func testFirstStartPrintsTheAdminPasswordAndTheCLIManagesUsers() async throws {
        let dataDirectory = NSTemporaryDirectory() + "waihu-serve-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        var storage = ["--data-dir", dataDirectory]
        if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] {
            try await TestServer.emptyTestDatabase()
            storage += ["--database", url]
        }
        let port = freeLoopbackPort()
        let serve = try ServeProcess(arguments: ["serve", "--http-port", String(port), "--sip-port", "0", "--public-dir", packageRoot + "/Public"] + storage)
        defer { _ = serve.stop() }

        let password = try await serve.waitFor(#"password: (\S+)"#)
        XCTAssertEqual(password.count, 16)
        _ = try await serve.waitFor("Server started")

        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await checkRunningServer(port: port, password: password, storage: storage, http: http, serve: serve)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()

        // A second start on the same database creates no second admin and prints no password.
        let again = try ServeProcess(arguments: ["serve", "--http-port", String(freeLoopbackPort()), "--no-sip"] + storage)
        _ = try await again.waitFor("Server started")
        XCTAssertEqual(again.stop(), 0)
        XCTAssertFalse(again.text.contains("password:"), again.text)
    }

    private func checkRunningServer(port: Int, password: String, storage: [String], http: HTTPClient, serve: ServeProcess) async throws {
        let server = APIClient(baseURL: "http://127.0.0.1:\(port)", client: http)
        let value1 = try await server.get("/healthz").status
        XCTAssertEqual(value1, 200)
        let value2 = try await server.get("/metrics").text.contains("http_requests_total")
        XCTAssertTrue(value2)
        let value3 = try await server.get("/").status
        XCTAssertEqual(value3, 200)

        let login = try await server.post("/api/v1/auth/login", ["username": "admin", "password": password])
        XCTAssertEqual(login.status, 200, login.text)
        let admin = try XCTUnwrap(login.json["token"] as? String)

        // The CLI writes to the same database while the server runs.
        let team = try WaihuExecutable.run(["team", "add", "A组"] + storage)
        XCTAssertEqual(team.status, 0, team.stderr)
        let add = try WaihuExecutable.run(["user", "add", "agent1", "--role", "agent", "--team", "A组", "--password-stdin"] + storage, stdin: "agent-pass-1\n")
        XCTAssertEqual(add.status, 0, add.stderr)
        let badRole = try WaihuExecutable.run(["user", "add", "agent2", "--role", "boss"] + storage)
        XCTAssertNotEqual(badRole.status, 0)
        XCTAssertTrue(badRole.stderr.contains("role 'boss' is unknown"), badRole.stderr)

        let created = try await server.post("/api/v1/users", ["username": "agent3", "role": "agent", "password": "agent-pass-3"], token: admin)
        XCTAssertEqual(created.status, 201, created.text)

        let list = try WaihuExecutable.run(["user", "list", "--json"] + storage)
        XCTAssertEqual(list.status, 0, list.stderr)
        let users = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: String]] ?? []
        XCTAssertEqual(users.map { $0["username"] ?? "" }, ["admin", "agent1", "agent3"])
        XCTAssertEqual(users.first { $0["username"] == "agent1" }?["team"], "A组")

        let agentLogin = try await server.post("/api/v1/auth/login", ["username": "agent1", "password": "agent-pass-1"])
        let agent = try XCTUnwrap(agentLogin.json["token"] as? String, agentLogin.text)
        let value4 = try await server.get("/api/v1/users", token: agent).status
        XCTAssertEqual(value4, 403)
        let value5 = try await server.post("/api/v1/auth/logout", [:], token: agent).status
        XCTAssertEqual(value5, 204)
        let value6 = try await server.get("/api/v1/users", token: agent).status
        XCTAssertEqual(value6, 401)

        let disable = try WaihuExecutable.run(["user", "disable", "agent3"] + storage)
        XCTAssertEqual(disable.status, 0, disable.stderr)
        let value7 = try await server.post("/api/v1/auth/login", ["username": "agent3", "password": "agent-pass-3"]).status
        XCTAssertEqual(value7, 401)

        let audit = try WaihuExecutable.run(["audit", "tail", "-n", "50"] + storage)
        XCTAssertEqual(audit.status, 0, audit.stderr)
        XCTAssertTrue(audit.stdout.contains("user_created agent1"), audit.stdout)
        XCTAssertTrue(audit.stdout.contains("cli:"), audit.stdout)
        XCTAssertTrue(audit.stdout.contains("admin@127.0.0.1 user_created agent3"), audit.stdout)
        XCTAssertTrue(audit.stdout.contains("user_disabled agent3"), audit.stdout)

        XCTAssertEqual(serve.stop(), 0, serve.text)
    }

    func testBadOptionsGiveAClearMessage() throws {
        let bad = try WaihuExecutable.run(["serve", "--database", "mysql://x"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("use sqlite:PATH or postgres://"), bad.stderr)
        let port = try WaihuExecutable.run(["serve", "--http-port", "70000"])
        XCTAssertNotEqual(port.status, 0)
        XCTAssertTrue(port.stderr.contains("--http-port"), port.stderr)
    }

}
