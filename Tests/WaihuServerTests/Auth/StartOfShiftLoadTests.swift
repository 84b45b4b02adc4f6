import AsyncHTTPClient
import FluentKit
import Vapor
import NIOCore
import XCTest
@testable import WaihuServer

/// The start of a shift against the real server (SQLite, or PostgreSQL with
/// WAIHU_TEST_DATABASE): everyone logs in within the same second, the administrator creates
/// accounts while others work, and nobody gets a 500. The figures (latencies, totals) are
/// `waihu bench web`'s; these tests check what must hold at any speed.
final class StartOfShiftLoadTests: XCTestCase {
    static let password = "shift-pass-123"

    func testThreeHundredAgentsLogInAtOnceAndEveryOneIsAnswered() async throws {
        try await TestServer.with { server in
            let usernames = try await Self.addAgents(300, on: server)
            try await Self.withAPI(server, connections: 400) { api in
                // Every login starts at once, each on its own connection.
                let replies = try await withThrowingTaskGroup(of: (String, APIClient.Reply).self) { group in
                    for name in usernames {
                        group.addTask {
                            (name, try await api.request(.POST, "/api/v1/auth/login", body: ["username": name, "password": Self.password],
                                                         timeout: .seconds(300)))
                        }
                    }
                    return try await group.reduce(into: [(String, APIClient.Reply)]()) { $0.append($1) }
                }
                let failed = replies.filter { $0.1.status != 200 }.map { "\($0.0): \($0.1.status) \($0.1.text.prefix(200))" }
                XCTAssertEqual(failed, [], "every login of the burst succeeds")
                // And the sessions work: each token opens the API as its own user.
                for (name, reply) in replies.prefix(20) {
                    let token = try XCTUnwrap(reply.json["token"] as? String)
                    let me = try await api.get("/api/v1/auth/me", token: token)
                    XCTAssertEqual(me.json["username"] as? String, name, me.text)
                }
                let logins = try await AuditEntryRecord.query(on: server.app.db).filter(\.$action == AuditAction.login.rawValue).count()
                XCTAssertEqual(logins, 300, "each login is audited once")
            }
        }
    }

    func testLoginsPastTheQueueAreAskedToRetryNeverFailed() async throws {
        try await TestServer.with(configure: { $0.maxWaitingPasswordChecks = 2 }) { server in
            let usernames = try await Self.addAgents(40, on: server)
            try await Self.withAPI(server, connections: 100) { api in
                let replies = try await withThrowingTaskGroup(of: (String, APIClient.Reply).self) { group in
                    for name in usernames {
                        group.addTask {
                            (name, try await api.request(.POST, "/api/v1/auth/login", body: ["username": name, "password": Self.password],
                                                         timeout: .seconds(120)))
                        }
                    }
                    return try await group.reduce(into: [(String, APIClient.Reply)]()) { $0.append($1) }
                }
                let statuses = Set(replies.map(\.1.status))
                XCTAssertTrue(statuses.isSubset(of: [200, 503]), "only successes and retry-laters: \(statuses)")
                let refused = replies.filter { $0.1.status == 503 }
                XCTAssertFalse(refused.isEmpty, "40 logins at once cannot all fit in a line of 2")
                XCTAssertTrue(replies.contains { $0.1.status == 200 }, "the ones in line are answered")
                for (_, reply) in refused {
                    let retryAfter = Int(reply.headers.first(name: "Retry-After") ?? "")
                    XCTAssertNotNil(retryAfter, "503 says when to come back")
                    XCTAssertGreaterThanOrEqual(retryAfter ?? 0, 1)
                }
                // A refused agent who comes back later gets in.
                let again = try await api.request(.POST, "/api/v1/auth/login", body: ["username": refused[0].0, "password": Self.password])
                XCTAssertEqual(again.status, 200, again.text)
            }
        }
    }

    func testAccountsCreatedConcurrentlyThroughTheAPIAllLand() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            try await Self.withAPI(server, connections: 16) { api in
                let names = (1...24).map { String(format: "new%03d", $0) }
                var statuses: [String: Int] = [:]
                // Eight at a time, as an administrator's script would.
                for chunk in stride(from: 0, to: names.count, by: 8).map({ Array(names[$0..<min($0 + 8, names.count)]) }) {
                    let replies = try await withThrowingTaskGroup(of: (String, APIClient.Reply).self) { group in
                        for name in chunk {
                            group.addTask {
                                (name, try await api.post("/api/v1/users", ["username": name, "role": "agent", "password": Self.password], token: admin))
                            }
                        }
                        return try await group.reduce(into: [(String, APIClient.Reply)]()) { $0.append($1) }
                    }
                    for (name, reply) in replies {
                        statuses[name] = reply.status
                        XCTAssertEqual(reply.status, 201, "\(name): \(reply.text)")
                    }
                }
                XCTAssertEqual(statuses.count, 24)
                let listed = try await api.get("/api/v1/users", token: admin).jsonArray.compactMap { $0["username"] as? String }
                XCTAssertEqual(Set(listed).intersection(names).count, 24, "every account is stored")
                let audited = try await AuditEntryRecord.query(on: server.app.db).filter(\.$action == AuditAction.userCreated.rawValue).count()
                XCTAssertEqual(audited, 24 + 1, "each creation is audited once (and the bootstrap admin)")
            }
        }
    }

    func testEverySQLiteConnectionWaitsForAWriterInsteadOfSpinning() async throws {
        // A SQLite setting: this server is on SQLite even in the PostgreSQL run.
        try await TestServer.with(configure: { $0.database = nil }) { server in
            let timeouts = try await SQLiteConnections.busyTimeouts(server.app)
            XCTAssertEqual(timeouts.count, server.app.eventLoopGroup.makeIterator().map { $0 }.count, "one connection per event loop")
            XCTAssertEqual(Set(timeouts), [SQLiteConnections.busyTimeoutMilliseconds], "\(timeouts)")
        }
    }

    /// `count` agents stored with one password hash: the burst under test is the logins,
    /// not 300 account creations. The hash has bcrypt cost 10 rather than the default 12:
    /// a quarter of the CPU per check (the tests' debug build runs bcrypt's C unoptimised),
    /// still a burst of checks queued in front of the database work.
    static func addAgents(_ count: Int, on server: TestServer) async throws -> [String] {
        let hash = try Bcrypt.hash(password, cost: 10)
        let names = (1...count).map { String(format: "agent%03d", $0) }
        for name in names {
            try await UserRecord(username: name, displayName: name, role: .agent, teamID: nil, passwordHash: hash).create(on: server.app.db)
        }
        return names
    }

    /// An HTTP client that opens up to `connections` connections at once (a browser per agent).
    static func withAPI(_ server: TestServer, connections: Int, _ body: (APIClient) async throws -> Void) async throws {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await body(APIClient(baseURL: server.baseURL, client: client))
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}
