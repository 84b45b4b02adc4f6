import Fluent
import XCTest
@testable import WaihuServer

final class UserAdministrationAPITests: XCTestCase {
    func testAdminCreatesAnAgentWhoIsRefusedUserAdministration() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            let team = try await server.request(.POST, "/api/v1/teams", token: admin, body: ["name": "A组"])
            XCTAssertEqual(team.status, 201, team.text)
            let created = try await server.request(.POST, "/api/v1/users", token: admin, body: [
                "username": "zhangsan", "display_name": "张三", "role": "agent", "team": "A组", "password": "secret-123",
            ])
            XCTAssertEqual(created.status, 201, created.text)
            XCTAssertEqual(created.json["team"] as? String, "A组")

            let agent = try await server.login("zhangsan", "secret-123")
            let value1 = try await server.request(.GET, "/api/v1/users", token: agent).status
            XCTAssertEqual(value1, 403)
            let value2 = try await server.request(.POST, "/api/v1/users", token: agent, body: ["username": "x"]).status
            XCTAssertEqual(value2, 403)
            let value3 = try await server.request(.GET, "/api/v1/audit", token: agent).status
            XCTAssertEqual(value3, 403)
            let me = try await server.request(.GET, "/api/v1/auth/me", token: agent)
            XCTAssertEqual(me.json["team"] as? String, "A组")
            // An agent works leads at the desktop and sees their own figures; nothing else.
            XCTAssertEqual(me.json["features"] as? [String], ["desktop", "leads", "reports"])

            let value4 = try await server.request(.POST, "/api/v1/auth/logout", token: agent).status
            XCTAssertEqual(value4, 204)
            let value5 = try await server.request(.GET, "/api/v1/users", token: agent).status
            XCTAssertEqual(value5, 401)
        }
    }

    func testBadUserInputGets400NamingTheFieldAndWritesNothing() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            let cases: [([String: Any], Int, String)] = [
                (["role": "agent", "password": "secret-123"], 400, "username"),
                (["username": "lisi", "role": "root", "password": "secret-123"], 400, "role"),
                (["username": String(repeating: "x", count: 200), "role": "agent", "password": "secret-123"], 400, "username"),
                (["username": "lisi", "role": "agent", "password": "short"], 400, "password"),
                (["username": "li si", "role": "agent", "password": "secret-123"], 400, "username"),
                (["username": "lisi", "role": 7, "password": "secret-123"], 400, "role"),
                (["username": "lisi", "role": "agent", "password": "secret-123", "team": "不存在的组"], 404, "team"),
            ]
            for (body, status, field) in cases {
                let reply = try await server.request(.POST, "/api/v1/users", token: admin, body: body)
                XCTAssertEqual(reply.status, status, "\(body): \(reply.text)")
                XCTAssertTrue(reply.reason.contains(field), "\(body): \(reply.reason)")
            }
            let users = try await server.request(.GET, "/api/v1/users", token: admin).jsonArray
            XCTAssertEqual(users.map { $0["username"] as? String }, ["admin"])
            let audit = try await server.request(.GET, "/api/v1/audit?action=user_created", token: admin).jsonArray
            XCTAssertEqual(audit.count, 1, "only the bootstrap admin was created")
        }
    }

    func testDuplicateUsernameIsAConflict() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            let body: [String: Any] = ["username": "wangwu", "role": "agent", "password": "secret-123"]
            let value6 = try await server.request(.POST, "/api/v1/users", token: admin, body: body).status
            XCTAssertEqual(value6, 201)
            let value7 = try await server.request(.POST, "/api/v1/users", token: admin, body: body).status
            XCTAssertEqual(value7, 409)
        }
    }

    func testDisablingAUserEndsTheirSessionsAndLogins() async throws {
        try await TestServer.with { server in
            let agent = try await server.userToken("zhaoliu", role: "agent")
            let admin = try await server.adminToken()
            let users = try await server.request(.GET, "/api/v1/users", token: admin).jsonArray
            let id = try XCTUnwrap(users.first { $0["username"] as? String == "zhaoliu" }?["id"] as? String)
            let reply = try await server.request(.PATCH, "/api/v1/users/\(id)", token: admin, body: ["disabled": true])
            XCTAssertEqual(reply.status, 200, reply.text)
            XCTAssertEqual(reply.json["disabled"] as? Bool, true)
            let value8 = try await server.request(.GET, "/api/v1/auth/me", token: agent).status
            XCTAssertEqual(value8, 401)
            let login = try await server.request(.POST, "/api/v1/auth/login", body: ["username": "zhaoliu", "password": "pw-zhaoliu-123"])
            XCTAssertEqual(login.status, 401)
        }
    }

    func testRoleChangeTakesEffectAndTheLastAdminCannotBeDemoted() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            let users = try await server.request(.GET, "/api/v1/users", token: admin).jsonArray
            let adminID = try XCTUnwrap(users.first?["id"] as? String)
            let demote = try await server.request(.PATCH, "/api/v1/users/\(adminID)", token: admin, body: ["role": "agent"])
            XCTAssertEqual(demote.status, 400)
            XCTAssertTrue(demote.reason.contains("last active administrator"), demote.reason)

            let sup = try await server.userToken("leader1", role: "agent")
            let list = try await server.request(.GET, "/api/v1/users", token: admin).jsonArray
            let id = try XCTUnwrap(list.first { $0["username"] as? String == "leader1" }?["id"] as? String)
            let value9 = try await server.request(.GET, "/api/v1/teams", token: sup).status
            XCTAssertEqual(value9, 403)
            let value10 = try await server.request(.PATCH, "/api/v1/users/\(id)", token: admin, body: ["role": "supervisor"]).status
            XCTAssertEqual(value10, 200)
            let value11 = try await server.request(.GET, "/api/v1/teams", token: sup).status
            XCTAssertEqual(value11, 200)
        }
    }

    func testTeamsWithLeaders() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            _ = try await server.userToken("banzhang", role: "supervisor")
            _ = try await server.userToken("zuoxi", role: "agent")
            let refused = try await server.request(.POST, "/api/v1/teams", token: admin, body: ["name": "B组", "leader": "zuoxi"])
            XCTAssertEqual(refused.status, 400)
            XCTAssertTrue(refused.reason.contains("leader"), refused.reason)
            let team = try await server.request(.POST, "/api/v1/teams", token: admin, body: ["name": "B组", "leader": "banzhang"])
            XCTAssertEqual(team.status, 201, team.text)
            let teams = try await server.request(.GET, "/api/v1/teams", token: admin).jsonArray
            XCTAssertEqual(teams.first?["leader"] as? String, "banzhang")
            XCTAssertEqual(teams.first?["members"] as? Int, 1)
            let value12 = try await server.request(.POST, "/api/v1/teams", token: admin, body: ["name": "B组"]).status
            XCTAssertEqual(value12, 409)
        }
    }
}
