import XCTest
@testable import WaihuServer

final class LoginTests: XCTestCase {
    func testLoginReturnsTokenAndRoleAndTheTokenOpensTheAPI() async throws {
        try await TestServer.with { server in
            let reply = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "admin", "password": TestServer.adminPassword])
            XCTAssertEqual(reply.status, 200)
            XCTAssertEqual(reply.json["role"] as? String, "admin")
            let token = try XCTUnwrap(reply.json["token"] as? String)
            XCTAssertGreaterThanOrEqual(token.count, 40)
            let cookie = reply.headers["Set-Cookie"].first ?? ""
            XCTAssertTrue(cookie.contains("waihu_session=\(token)"), cookie)
            XCTAssertTrue(cookie.contains("HttpOnly"), cookie)

            let me = try await server.request(.GET, "/api/v1/auth/me", token: token)
            XCTAssertEqual(me.status, 200)
            XCTAssertEqual(me.json["username"] as? String, "admin")
            XCTAssertEqual(me.json["features"] as? [String], [
                "leads", "batches", "lead_export", "dnc", "campaigns", "wallboard",
                "reports", "recordings", "telephony", "users", "audit",
            ])
        }
    }

    func testWrongPasswordAndUnknownUserGet401() async throws {
        try await TestServer.with { server in
            let wrong = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "admin", "password": "nope-nope"])
            XCTAssertEqual(wrong.status, 401)
            let unknown = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "ghost", "password": "whatever1"])
            XCTAssertEqual(unknown.status, 401)
        }
    }

    func testLogoutRevokesTheToken() async throws {
        try await TestServer.with { server in
            let token = try await server.adminToken()
            let value1 = try await server.request(.GET, "/api/v1/users", token: token).status
            XCTAssertEqual(value1, 200)
            let value2 = try await server.request(.POST, "/api/v1/auth/logout", token: token).status
            XCTAssertEqual(value2, 204)
            let value3 = try await server.request(.GET, "/api/v1/users", token: token).status
            XCTAssertEqual(value3, 401)
        }
    }

    func testTheSessionCookieAuthenticatesLikeTheBearerToken() async throws {
        try await TestServer.with { server in
            let token = try await server.adminToken()
            let value4 = try await server.request(.GET, "/api/v1/auth/me", cookie: "waihu_session=\(token)").status
            XCTAssertEqual(value4, 200)
            let value5 = try await server.request(.GET, "/api/v1/auth/me", cookie: "waihu_session=forged").status
            XCTAssertEqual(value5, 401)
        }
    }

    func testTokensExpire() async throws {
        // Seconds, not one: a loaded CI machine must still get the first request in on time.
        let lifetime = 5.0
        try await TestServer.with(configure: { $0.tokenLifetime = lifetime }) { server in
            let token = try await server.adminToken()
            let issued = Date()   // the server issued it at the latest now
            let value6 = try await server.request(.GET, "/api/v1/auth/me", token: token).status
            XCTAssertEqual(value6, 200)
            let untilExpired = lifetime + 0.5 - Date().timeIntervalSince(issued)
            if untilExpired > 0 { try await Task.sleep(nanoseconds: UInt64(untilExpired * 1e9)) }
            let value7 = try await server.request(.GET, "/api/v1/auth/me", token: token).status
            XCTAssertEqual(value7, 401)
        }
    }

    func testFifthFailureThrottlesTheAccountEvenWithTheRightPassword() async throws {
        try await TestServer.with { server in
            for attempt in 1...5 {
                let reply = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "admin", "password": "guess-\(attempt)"])
                XCTAssertEqual(reply.status, 401, "attempt \(attempt)")
            }
            let throttled = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "admin", "password": TestServer.adminPassword])
            XCTAssertEqual(throttled.status, 429)
            let retryAfter = Int(throttled.headers["Retry-After"].first ?? "") ?? 0
            XCTAssertTrue((800...900).contains(retryAfter), "Retry-After \(retryAfter)")
        }
    }

    func testFailuresFromOneAddressThrottleOtherAccountsToo() async throws {
        try await TestServer.with(configure: { $0.loginThrottle = .init(maxFailures: 3, window: 900) }) { server in
            for name in ["alice", "bob", "carol"] {
                let value8 = try await server.request(.POST, "/api/v1/auth/login", body: ["username": name, "password": "x-password"]).status
                XCTAssertEqual(value8, 401)
            }
            // admin has no failures of its own, but the address has three.
            let reply = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "admin", "password": TestServer.adminPassword])
            XCTAssertEqual(reply.status, 429)
        }
    }

    func testThrottlingEndsWhenFailuresLeaveTheWindow() async throws {
        // A window of several seconds: bcrypt on a loaded CI machine can take most of a
        // second per login, and the 429 must be asked for while both failures still count.
        let window = 6.0
        try await TestServer.with(configure: { $0.loginThrottle = .init(maxFailures: 2, window: window) }) { server in
            for _ in 0..<2 {
                let value9 = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "admin", "password": "bad-password"]).status
                XCTAssertEqual(value9, 401)
            }
            let value10 = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "admin", "password": TestServer.adminPassword]).status
            XCTAssertEqual(value10, 429)
            let lastFailure = Date()
            let untilWindowPassed = window + 0.3 - Date().timeIntervalSince(lastFailure)
            if untilWindowPassed > 0 { try await Task.sleep(nanoseconds: UInt64(untilWindowPassed * 1e9)) }
            let value11 = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "admin", "password": TestServer.adminPassword]).status
            XCTAssertEqual(value11, 200)
        }
    }

    func testMalformedLoginBodiesGet400NamingTheField() async throws {
        try await TestServer.with { server in
            let missing = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "admin"])
            XCTAssertEqual(missing.status, 400)
            XCTAssertTrue(missing.reason.contains("password"), missing.reason)
            let notJSON = try await server.request(.POST, "/api/v1/auth/login", body: "{not json")
            XCTAssertEqual(notJSON.status, 400)
            let wrongType = try await server.request(.POST, "/api/v1/auth/login", body: ["username": 42, "password": "x"])
            XCTAssertEqual(wrongType.status, 400)
            XCTAssertTrue(wrongType.reason.contains("username"), wrongType.reason)
        }
    }
}
