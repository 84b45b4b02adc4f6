import AsyncHTTPClient
import Foundation
import NIOCore
import WaihuDomain
import XCTest
@testable import WaihuServer

/// Leads through the HTTP API as each role uses them: upload with progress and rejects,
/// search and edit with history, team visibility, export refused and audited.
final class LeadAPITests: XCTestCase {
    /// POST /api/v1/imports as multipart/form-data.
    private func upload(_ server: TestServer, token: String, file: Data, fileName: String,
                        fields: [String: String]) async throws -> APIClient.Reply {
        try await server.uploadMultipart("/api/v1/imports", token: token, file: file, fileName: fileName, contentType: "text/csv", fields: fields)
    }

    private func waitForImport(_ server: TestServer, token: String, id: String) async throws -> [String: Any] {
        var fractions: [Double] = []
        for _ in 0..<600 {
            let reply = try await server.request(.GET, "/api/v1/imports/\(id)", token: token)
            XCTAssertEqual(reply.status, 200, reply.text)
            let job = reply.json
            if let fraction = job["fraction_read"] as? Double { fractions.append(fraction) }
            if job["state"] as? String != "running" {
                XCTAssertEqual(fractions, fractions.sorted(), "progress never goes back")
                return job
            }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        XCTFail("import \(id) did not finish")
        return [:]
    }

    func testUploadReportsProgressAndOffersTheRejects() async throws {
        try await TestServer.with { server in
            let manager = try await server.userToken("lm", role: "list_manager")
            let gbk = try Data(contentsOf: LeadFixtures.branchGBK)
            let started = try await upload(server, token: manager, file: gbk, fileName: "branch.csv",
                                           fields: ["batch": "分公司3月", "source": "分公司", "cost": "0.5", "as_of": "2026-03-01"])
            XCTAssertEqual(started.status, 202, started.text)
            let id = try XCTUnwrap(started.json["id"] as? String)
            let job = try await waitForImport(server, token: manager, id: id)
            XCTAssertEqual(job["state"] as? String, "done", "\(job)")
            XCTAssertEqual(job["fraction_read"] as? Double, 1)
            let report = try XCTUnwrap(job["report"] as? [String: Any])
            XCTAssertEqual(report["rows"] as? Int, 11)
            XCTAssertEqual(report["imported"] as? Int, 9)
            XCTAssertEqual(report["invalid_phone"] as? Int, 1)
            XCTAssertEqual(report["duplicate"] as? Int, 1)
            XCTAssertEqual(report["dnc"] as? Int, 0)

            let rejects = try await server.request(.GET, "/api/v1/imports/\(id)/rejects.csv", token: manager)
            XCTAssertEqual(rejects.status, 200)
            XCTAssertEqual(rejects.text, "\u{FEFF}row,reason,value\r\n4,invalid_phone,1380013800\r\n5,duplicate,+86 138-0013-8000\r\n")

            // A bad file fails the job with the reason, and nothing is imported.
            let pdf = try await upload(server, token: manager, file: Data("%PDF-1.4 x".utf8), fileName: "x.pdf",
                                       fields: ["batch": "坏文件", "source": "分公司"])
            XCTAssertEqual(pdf.status, 202, pdf.text)
            let failed = try await waitForImport(server, token: manager, id: try XCTUnwrap(pdf.json["id"] as? String))
            XCTAssertEqual(failed["state"] as? String, "failed")
            XCTAssertTrue((failed["error"] as? String ?? "").contains("PDF"), "\(failed)")

            let batches = try await server.request(.GET, "/api/v1/batches", token: manager)
            XCTAssertEqual(batches.jsonArray.count, 1)
            XCTAssertEqual(batches.jsonArray.first?["leads"] as? Int, 9)
            XCTAssertEqual(batches.jsonArray.first?["cost"] as? Double, 4.5)
            XCTAssertTrue(batches.jsonArray.first?["contact_rate"] is NSNull)
            let sources = try await server.request(.GET, "/api/v1/sources", token: manager)
            XCTAssertEqual(sources.jsonArray.first?["name"] as? String, "分公司")
            XCTAssertEqual(sources.jsonArray.first?["leads"] as? Int, 9)

            let agent = try await server.userToken("agent1", role: "agent")
            let refused = try await upload(server, token: agent, file: gbk, fileName: "b.csv", fields: ["batch": "x", "source": "y"])
            XCTAssertEqual(refused.status, 403)
        }
    }

    func testExportIsForPrivilegedRolesAndEveryAttemptIsAudited() async throws {
        try await TestServer.with { server in
            let url = try LeadFixtures.temporaryFile("l.csv", "姓名,电话,车牌\n张三,13800138000,沪a-12345\n")
            _ = try await LeadImporter(database: server.app.db, actor: .console())
                .run(.init(file: url, batchName: "b1", sourceName: "s", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
            let admin = try await server.adminToken()
            let agent = try await server.userToken("agent7", role: "agent")

            let refused = try await server.request(.GET, "/api/v1/leads/export?format=csv", token: agent)
            XCTAssertEqual(refused.status, 403)
            let audit1 = try await server.request(.GET, "/api/v1/audit?action=list_export_refused", token: admin)
            XCTAssertEqual(audit1.jsonArray.count, 1)
            XCTAssertEqual(audit1.jsonArray.first?["actor"] as? String, "agent7")

            let csv = try await server.request(.GET, "/api/v1/leads/export?format=csv&batch=b1", token: admin)
            XCTAssertEqual(csv.status, 200)
            XCTAssertTrue(csv.text.contains("+8613800138000"), csv.text)
            XCTAssertTrue(csv.text.contains("沪A12345"))
            let xlsx = try await server.request(.GET, "/api/v1/leads/export?format=xlsx", token: admin)
            XCTAssertEqual(xlsx.status, 200)
            XCTAssertEqual(Array(xlsx.body.prefix(2)), [0x50, 0x4B])
            let audit2 = try await server.request(.GET, "/api/v1/audit?action=list_export", token: admin)
            XCTAssertEqual(audit2.jsonArray.count, 2)
            XCTAssertEqual(audit2.jsonArray.first?["actor"] as? String, "admin")
        }
    }

    func testAgentsSeeAndEditOnlyTheirTeamsLeadsAndEditsAreKeptInHistory() async throws {
        try await TestServer.with { server in
            let admin = try await server.adminToken()
            for team in ["一组", "二组"] {
                let created = try await server.request(.POST, "/api/v1/teams", token: admin, body: ["name": team])
                XCTAssertEqual(created.status, 201, created.text)
            }
            let db = server.app.db
            let teams = try await TeamRecord.query(on: db).all()
            let one = try XCTUnwrap(teams.first { $0.name == "一组" }?.id), two = try XCTUnwrap(teams.first { $0.name == "二组" }?.id)
            let a = try LeadFixtures.temporaryFile("a.csv", "姓名,电话,车牌\n张三,13800138000,沪A12345\n")
            let b = try LeadFixtures.temporaryFile("b.csv", "姓名,电话,车牌\n李四,13900139000,沪B12345\n")
            let importer = LeadImporter(database: db, actor: .console())
            _ = try await importer.run(.init(file: a, batchName: "A", sourceName: "s", options: LeadFileOptions(asOf: LeadFixtures.asOf), teamIDs: [one]))
            _ = try await importer.run(.init(file: b, batchName: "B", sourceName: "s", options: LeadFileOptions(asOf: LeadFixtures.asOf), teamIDs: [two]))

            let agent = try await server.userToken("agent1", role: "agent", team: "一组")
            let found = try await server.request(.GET, "/api/v1/leads?q=", token: agent)
            XCTAssertEqual(found.json["total"] as? Int, 1)
            let mine = try XCTUnwrap((found.json["leads"] as? [[String: Any]])?.first)
            XCTAssertEqual(mine["name"] as? String, "张三")
            let myID = try XCTUnwrap(mine["id"] as? Int)

            let all = try await server.request(.GET, "/api/v1/leads?q=%E6%9D%8E", token: admin) // 李
            XCTAssertEqual(all.json["total"] as? Int, 1)
            let otherID = try XCTUnwrap((all.json["leads"] as? [[String: Any]])?.first?["id"] as? Int)
            let hidden = try await server.request(.GET, "/api/v1/leads/\(otherID)", token: agent)
            XCTAssertEqual(hidden.status, 404)
            let hiddenEdit = try await server.request(.PATCH, "/api/v1/leads/\(otherID)", token: agent, body: ["name": "x"])
            XCTAssertEqual(hiddenEdit.status, 404)
            let byPlate = try await server.request(.GET, "/api/v1/leads?q=%E6%B2%AAb12345", token: agent) // 沪b12345
            XCTAssertEqual(byPlate.json["total"] as? Int, 0, "another team's plate")
            let byPhone = try await server.request(.GET, "/api/v1/leads?q=138-0013-8000", token: agent)
            XCTAssertEqual(byPhone.json["total"] as? Int, 1)

            let edited = try await server.request(.PATCH, "/api/v1/leads/\(myID)", token: agent,
                                                  body: ["name": "张三丰", "plate": "沪a-54321", "renewal_date": "2026/7/1", "status": "contacted"])
            XCTAssertEqual(edited.status, 200, edited.text)
            XCTAssertEqual(edited.json["plate"] as? String, "沪A54321")
            XCTAssertEqual(edited.json["renewal_date"] as? String, "2026-07-01")
            let bad = try await server.request(.PATCH, "/api/v1/leads/\(myID)", token: agent, body: ["renewal_date": "2026-02-30"])
            XCTAssertEqual(bad.status, 400)
            let history = try await server.request(.GET, "/api/v1/leads/\(myID)/history", token: agent)
            let entries = history.jsonArray
            XCTAssertEqual(Set(entries.compactMap { $0["field"] as? String }), ["name", "plate", "renewal_date", "status"])
            let name = try XCTUnwrap(entries.first { $0["field"] as? String == "name" })
            XCTAssertEqual(name["old"] as? String, "张三")
            XCTAssertEqual(name["new"] as? String, "张三丰")
            XCTAssertEqual(name["actor"] as? String, "agent1")
        }
    }

    func testDoNotCallListThroughTheAPI() async throws {
        try await TestServer.with { server in
            let manager = try await server.userToken("lm2", role: "list_manager")
            let added = try await server.request(.POST, "/api/v1/dnc", token: manager, body: ["number": "+86 138-0013-8000", "reason": "客户拒绝"])
            XCTAssertEqual(added.status, 201, added.text)
            let entry = try XCTUnwrap(added.json["entry"] as? [String: Any])
            XCTAssertEqual(entry["phone_key"] as? String, "+8613800138000")
            XCTAssertEqual(entry["until"] as? String, DoNotCallPeriod().until(from: .today()).isoString)
            let invalid = try await server.request(.POST, "/api/v1/dnc", token: manager, body: ["number": "12345", "reason": "x"])
            XCTAssertEqual(invalid.status, 400)
            let imported = try await server.request(.POST, "/api/v1/dnc/import?reason=%E6%8A%95%E8%AF%89&forever=true", token: manager,
                                                    body: "13900139000\n\n021-62345678\nnot a number\n13800138000\n")
            XCTAssertEqual(imported.status, 200, imported.text)
            XCTAssertEqual(imported.json["added"] as? Int, 2)
            XCTAssertEqual(imported.json["updated"] as? Int, 1)
            XCTAssertEqual((imported.json["invalid"] as? [[String: Any]])?.first?["line"] as? Int, 4)
            let list = try await server.request(.GET, "/api/v1/dnc", token: manager)
            XCTAssertEqual(list.json["total"] as? Int, 3)
            let removed = try await server.request(.DELETE, "/api/v1/dnc/13900139000", token: manager)
            XCTAssertEqual(removed.status, 204)
            let again = try await server.request(.DELETE, "/api/v1/dnc/13900139000", token: manager)
            XCTAssertEqual(again.status, 404)

            // A listed number is refused at import.
            let url = try LeadFixtures.temporaryFile("d.csv", "电话\n13800138000\n13700137000\n")
            let result = try await LeadImporter(database: server.app.db, actor: .console())
                .run(.init(file: url, batchName: "d", sourceName: "s", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
            XCTAssertEqual(result.report.doNotCall, 1)
            XCTAssertEqual(result.report.imported, 1)
        }
    }
}
