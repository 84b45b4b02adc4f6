import Foundation
import XCTest
@testable import WaihuServer

/// 客户名单's page is written by the database (`LeadSearchQuery.pageJSON`); each lead in it
/// must be what `GET /leads/:id` (Swift's encoding of `LeadView`) says of the same lead, on
/// SQLite and on PostgreSQL: same keys, same values, dates in the same form.
final class LeadPageJSONTests: XCTestCase {
    func testEachLeadOfThePageIsItsLeadView() async throws {
        try await TestServer.with { server in
            let manager = try await server.userToken("lm", role: "list_manager")
            let csv = "姓名,联系电话,车牌号码,厂牌车型,保险到期日,备注,车主\"意见\"\n"
                + "张三,13800138000,沪A12345,大众朗逸,2026-12-01,老客户,\"愿意\"\"续保\"\"\"\n"
                + ",13900139000,,,,,\n"
            let started = try await server.uploadMultipart("/api/v1/imports", token: manager, file: Data(csv.utf8), fileName: "page.csv",
                                                           contentType: "text/csv", fields: ["batch": "页面", "source": "分公司"])
            XCTAssertEqual(started.status, 202, started.text)
            let id = try XCTUnwrap(started.json["id"] as? String)
            for _ in 0..<200 {
                if try await server.request(.GET, "/api/v1/imports/\(id)", token: manager).json["state"] as? String != "running" { break }
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            // An edit gives the first lead an updated_at of its own.
            let page = try await server.request(.GET, "/api/v1/leads?limit=50", token: manager)
            XCTAssertEqual(page.status, 200, page.text)
            XCTAssertEqual(page.json["total"] as? Int, 2)
            let first = try XCTUnwrap((page.json["leads"] as? [[String: Any]])?.first)
            let leadID = try XCTUnwrap(first["id"] as? Int)
            let edited = try await server.request(.PATCH, "/api/v1/leads/\(leadID)", token: manager, body: ["name": "张三丰"])
            XCTAssertEqual(edited.status, 200, edited.text)

            let again = try await server.request(.GET, "/api/v1/leads?limit=50", token: manager)
            let listed = try XCTUnwrap(again.json["leads"] as? [[String: Any]])
            XCTAssertEqual(listed.count, 2)
            for lead in listed {
                let id = try XCTUnwrap(lead["id"] as? Int)
                let single = try await server.request(.GET, "/api/v1/leads/\(id)", token: manager).json
                // The page writes a missing value as null; Swift leaves the key out.
                let present = lead.filter { !($0.value is NSNull) }
                XCTAssertEqual(Set(present.keys), Set(single.keys), "lead \(id)")
                XCTAssertEqual(NSDictionary(dictionary: present), NSDictionary(dictionary: single), "lead \(id)")
            }
            let shown = try XCTUnwrap(listed.first { $0["id"] as? Int == leadID })
            XCTAssertEqual(shown["name"] as? String, "张三丰")
            XCTAssertNotNil(shown["updated_at"] as? String, "the edit's time is on the page")
            XCTAssertTrue(((shown["extras"] as? [[String: Any]]) ?? []).contains { $0["value"] as? String == "愿意\"续保\"" }, "\(shown)")
        }
    }
}
