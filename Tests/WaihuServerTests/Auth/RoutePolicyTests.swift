import Vapor
import WaihuDomain
import XCTest
@testable import WaihuServer

/// Walks every registered route: only login, health and metrics are open; every other
/// route answers 401 without credentials, 403 to each role its policy does not name,
/// and lets the roles it names through.
final class RoutePolicyTests: XCTestCase {
    static let openRoutes: Set<String> = ["POST /api/v1/auth/login", "GET /healthz", "GET /metrics"]

    func testEveryRouteAdmitsExactlyTheRolesOfItsPolicy() async throws {
        try await TestServer.with { server in
            var tokens: [Role: String] = [:]
            for role in Role.allCases {
                tokens[role] = role == .admin ? try await server.adminToken() : try await server.userToken("u_\(role.rawValue)", role: role.rawValue)
            }
            let routes = server.app.routes.all
            XCTAssertGreaterThan(routes.count, 8)
            var checked = 0
            for route in routes {
                let method = HTTPMethod(rawValue: route.method.rawValue)
                let path = "/" + route.path.map { component -> String in
                    switch component {
                    case .constant(let text): return text
                    case .parameter: return UUID().uuidString
                    case .anything, .catchall: return "x"
                    }
                }.joined(separator: "/")
                let name = "\(route.method.rawValue) /\(route.path.map(\.description).joined(separator: "/"))"
                guard let policy = route.policy else {
                    XCTFail("\(name) was registered without a policy")
                    continue
                }
                let body: Any? = method == .GET ? nil : [String: Any]()
                if policy == .open {
                    XCTAssertTrue(Self.openRoutes.contains(name), "\(name) is open but should not be")
                    continue
                }
                let anonymous = try await server.request(method, path, body: body).status
                XCTAssertEqual(anonymous, 401, "\(name) without credentials")
                for role in Role.allCases {
                    // Logging out revokes the token, so that route gets a fresh one.
                    let token = name.hasSuffix("logout") ? try await freshToken(role, server) : tokens[role]
                    let status = try await server.request(method, path, token: token, body: body).status
                    if policy.admits(role) {
                        XCTAssertFalse(status == 401 || status == 403, "\(name) refused \(role) with \(status)")
                    } else {
                        XCTAssertEqual(status, 403, "\(name) let \(role) through with \(status)")
                    }
                }
                checked += 1
            }
            XCTAssertGreaterThanOrEqual(checked, routes.count - Self.openRoutes.count)
        }
    }

    private func freshToken(_ role: Role, _ server: TestServer) async throws -> String {
        role == .admin ? try await server.adminToken() : try await server.login("u_\(role.rawValue)", "pw-u_\(role.rawValue)-123")
    }

    func testStaticFilesAreServedWithoutCredentials() async throws {
        try await TestServer.with { server in
            let index = try await server.request(.GET, "/")
            XCTAssertEqual(index.status, 200)
            XCTAssertTrue(index.text.contains("外呼"))
            let value1 = try await server.request(.GET, "/js/app.js").status
            XCTAssertEqual(value1, 200)
            XCTAssertEqual(index.headers["X-Frame-Options"].first, "DENY")
        }
    }
}
