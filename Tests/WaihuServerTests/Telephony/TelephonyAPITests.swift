import Fluent
import WaihuDialer
import WaihuSIP
import XCTest
@testable import WaihuServer

/// /api/v1/trunks and /api/v1/phones: admins only, passwords write-only, every change audited.
final class TelephonyAPITests: XCTestCase {
    func testOnlyAdminsManageTrunksAndPhones() async throws {
        try await TestServer.with { server in
            let agent = try await server.userToken("agent1", role: "agent")
            let supervisor = try await server.userToken("sup1", role: "supervisor")
            for token in [agent, supervisor] {
                for (method, path) in [(HTTPMethod.GET, "/api/v1/trunks"), (.POST, "/api/v1/trunks"), (.GET, "/api/v1/phones"),
                                       (.POST, "/api/v1/phones"), (.DELETE, "/api/v1/phones/8001"), (.POST, "/api/v1/calls/test")] {
                    let status = try await server.request(method, path, token: token, body: ["name": "x"]).status
                    XCTAssertEqual(status, 403, "\(method) \(path)")
                }
            }
            let anonymous = try await server.request(.GET, "/api/v1/trunks").status
            XCTAssertEqual(anonymous, 401)
        }
    }

    func testTrunkAndPhonePasswordsAreWriteOnlyAndChangesAudited() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            _ = try await server.userToken("li", role: "agent")

            let trunk = try await server.request(.POST, "/api/v1/trunks", token: admin, body: [
                "name": "carrier-a", "host": "192.0.2.10", "port": 5070, "username": "acct", "password": "trunk-secret-1",
                "caller_id": "02161234567", "max_concurrent": 20, "max_cps": 4,
            ])
            XCTAssertEqual(trunk.status, 201, trunk.text)
            XCTAssertEqual(trunk.json["has_password"] as? Bool, true)
            XCTAssertEqual(trunk.json["ring_timeout"] as? Int, 30)
            XCTAssertNil(trunk.json["password"])
            let changed = try await server.request(.PATCH, "/api/v1/trunks/carrier-a", token: admin,
                                                   body: ["password": "trunk-secret-2", "ring_timeout": 45, "enabled": false])
            XCTAssertEqual(changed.status, 200, changed.text)
            XCTAssertEqual(changed.json["ring_timeout"] as? Int, 45)
            XCTAssertEqual(changed.json["enabled"] as? Bool, false)
            let duplicate = try await server.request(.POST, "/api/v1/trunks", token: admin, body: ["name": "carrier-a", "host": "192.0.2.11"])
            XCTAssertEqual(duplicate.status, 409)
            XCTAssertEqual(duplicate.reason, "trunk 'carrier-a' already exists")
            let badHost = try await server.request(.POST, "/api/v1/trunks", token: admin, body: ["name": "b", "host": "sip.example.com"])
            XCTAssertEqual(badHost.status, 400)
            XCTAssertTrue(badHost.reason.hasPrefix("host:"), badHost.reason)

            let phone = try await server.request(.POST, "/api/v1/phones", token: admin,
                                                 body: ["extension": "8001", "password": "phone-secret-1", "agent": "li"])
            XCTAssertEqual(phone.status, 201, phone.text)
            XCTAssertEqual(phone.json["agent"] as? String, "li")
            XCTAssertEqual(phone.json["registered"] as? Bool, false)
            let unknownAgent = try await server.request(.POST, "/api/v1/phones", token: admin,
                                                        body: ["extension": "8002", "password": "phone-secret-2", "agent": "nobody"])
            XCTAssertEqual(unknownAgent.status, 404)
            XCTAssertEqual(unknownAgent.reason, "agent: user 'nobody' does not exist")
            let freed = try await server.request(.PATCH, "/api/v1/phones/8001", token: admin, body: ["agent": "", "password": "phone-secret-3"])
            XCTAssertEqual(freed.status, 200, freed.text)
            XCTAssertNil(freed.json["agent"] as? String)

            let trunks = try await server.request(.GET, "/api/v1/trunks", token: admin)
            let phones = try await server.request(.GET, "/api/v1/phones", token: admin)
            XCTAssertEqual(phones.jsonArray.map { $0["extension"] as? String }, ["8001"])
            let audit = try await server.request(.GET, "/api/v1/audit", token: admin)
            for reply in [trunk, changed, phone, freed, trunks, phones, audit] {
                for secret in ["trunk-secret-1", "trunk-secret-2", "phone-secret-1", "phone-secret-3"] {
                    XCTAssertFalse(reply.text.contains(secret), "a password leaked: \(reply.text)")
                }
            }
            // Stored for the engine all the same.
            let stored = try await PhoneRecord.query(on: server.app.db).filter(\.$phoneExtension == "8001").first()
            XCTAssertEqual(stored?.password, "phone-secret-3")
            let storedTrunk = try await TrunkRecord.query(on: server.app.db).filter(\.$name == "carrier-a").first()
            XCTAssertEqual(storedTrunk?.password, "trunk-secret-2")

            let removeTrunk = try await server.request(.DELETE, "/api/v1/trunks/carrier-a", token: admin).status
            XCTAssertEqual(removeTrunk, 204)
            let removePhone = try await server.request(.DELETE, "/api/v1/phones/8001", token: admin).status
            XCTAssertEqual(removePhone, 204)
            let again = try await server.request(.DELETE, "/api/v1/phones/8001", token: admin).status
            XCTAssertEqual(again, 404)

            let entries = try await server.request(.GET, "/api/v1/audit", token: admin).jsonArray
            let actions = entries.map { $0["action"] as? String ?? "" }
            XCTAssertEqual(Array(actions.prefix(6)), ["phone_removed", "trunk_removed", "phone_changed", "phone_created",
                                                      "trunk_changed", "trunk_created"])
            let trunkChange = try XCTUnwrap(entries.first { $0["action"] as? String == "trunk_changed" })
            XCTAssertEqual(trunkChange["actor"] as? String, "admin")
            XCTAssertEqual(trunkChange["target"] as? String, "carrier-a")
            XCTAssertTrue((trunkChange["detail"] as? String ?? "").contains("password=changed"))

            // No engine runs inside this test server: a test call says so.
            let call = try await server.request(.POST, "/api/v1/calls/test", token: admin, body: ["to": "13800138000", "agent": "8001"])
            XCTAssertEqual(call.status, 503, call.text)
        }
    }

    /// What the engine reports lands in the phones table; expired bindings are cleared
    /// by the sweep, live ones stay.
    func testRegistrationsAreStoredAndExpiredOnesCleared() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            for ext in ["8001", "8002"] {
                let created = try await server.request(.POST, "/api/v1/phones", token: admin, body: ["extension": ext, "password": "phone-secret-\(ext)"])
                XCTAssertEqual(created.status, 201, created.text)
            }
            let db = server.app.db
            try await TelephonyService.store(PhoneRegistration(phoneExtension: "8001", contact: "<sip:8001@10.0.0.5:5062>",
                                                               source: SIPEndpoint(host: "127.0.0.1", port: 40001),
                                                               expiresAt: Date().addingTimeInterval(-1), userAgent: "old phone"), on: db)
            try await TelephonyService.store(PhoneRegistration(phoneExtension: "8002", contact: "<sip:8002@10.0.0.6:5062>",
                                                               source: SIPEndpoint(host: "127.0.0.1", port: 40002),
                                                               expiresAt: Date().addingTimeInterval(300), userAgent: "Yealink T21"), on: db)
            // An extension that is not in the table (removed meanwhile) is ignored.
            try await TelephonyService.store(PhoneRegistration(phoneExtension: "8999", contact: nil,
                                                               source: SIPEndpoint(host: "127.0.0.1", port: 1), expiresAt: nil), on: db)
            let before = try await server.request(.GET, "/api/v1/phones", token: admin).jsonArray
            XCTAssertEqual(before.map { $0["registered"] as? Bool }, [false, true], "an expired binding never shows as registered")
            XCTAssertEqual(before[1]["source"] as? String, "127.0.0.1:40002")
            XCTAssertEqual(before[1]["user_agent"] as? String, "Yealink T21")

            try await TelephonyService.clearRegistrations(on: db, expiredBefore: Date())
            let rows = try await PhoneRecord.query(on: db).sort(\.$phoneExtension).all()
            XCTAssertEqual(rows.map { $0.source }, [nil, "127.0.0.1:40002"])
            XCTAssertEqual(rows.map { $0.userAgent }, [nil, "Yealink T21"])

            // An un-registration (expires 0) clears the row at once.
            try await TelephonyService.store(PhoneRegistration(phoneExtension: "8002", contact: nil,
                                                               source: SIPEndpoint(host: "127.0.0.1", port: 40002), expiresAt: nil), on: db)
            let after = try await PhoneRecord.query(on: db).filter(\.$phoneExtension == "8002").first()
            XCTAssertNil(after?.expiresAt)
            XCTAssertNil(after?.source)
        }
    }
}
