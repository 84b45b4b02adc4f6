import Foundation
import XCTest
@testable import WaihuServer

/// POST /api/v1/imports/preview: the first rows of a list and the header row the import
/// would take; a named header row (`header_row`) is checked; the import takes it too.
final class ImportPreviewAPITests: XCTestCase {
    private func preview(_ server: TestServer, token: String, file: Data, fileName: String,
                         fields: [String: String] = [:]) async throws -> APIClient.Reply {
        try await server.uploadMultipart("/api/v1/imports/preview", token: token, file: file, fileName: fileName,
                                         contentType: "application/octet-stream", fields: fields)
    }

    func testPreviewShowsTheFirstRowsAndTheHeaderRow() async throws {
        try await TestServer.with { server in
            let manager = try await server.userToken("lm", role: "list_manager")
            let workbook = try RealWorldLists.preambleWorkbook()
            defer { try? FileManager.default.removeItem(at: workbook) }
            let data = try Data(contentsOf: workbook)

            let found = try await preview(server, token: manager, file: data, fileName: "模板.xlsx")
            XCTAssertEqual(found.status, 200, found.text)
            XCTAssertEqual(found.json["format"] as? String, "xlsx")
            XCTAssertEqual(found.json["sheet"] as? String, "续保名单")
            XCTAssertEqual(found.json["header_row"] as? Int, 3)
            XCTAssertNil(found.json["problem"] as? String)
            let rows = try XCTUnwrap(found.json["rows"] as? [[String: Any]])
            XCTAssertEqual(rows.map { $0["row"] as? Int }, [1, 2, 3, 4, 5, 6])
            XCTAssertEqual((rows[2]["cells"] as? [String])?.first, "客户姓名")
            XCTAssertEqual((rows[3]["cells"] as? [String])?.prefix(2), ["张三", "13800138000"])

            let named = try await preview(server, token: manager, file: data, fileName: "模板.xlsx", fields: ["header_row": "2"])
            XCTAssertEqual(named.json["header_row"] as? Int, 2)
            XCTAssertTrue((named.json["problem"] as? String ?? "").contains("no phone column"), named.text)

            // A CSV cut short, as the page sends the first megabyte of a large file.
            let csv = Data(RealWorldLists.preambleCSV.utf8) + Data("孙八,\"1350013".utf8)
            let cut = try await preview(server, token: manager, file: csv, fileName: "回访.csv")
            XCTAssertEqual(cut.status, 200, cut.text)
            XCTAssertEqual(cut.json["header_row"] as? Int, 3)
            XCTAssertEqual((cut.json["rows"] as? [[String: Any]])?.map { $0["row"] as? Int }, [1, 3, 4, 5])

            let pdf = try await preview(server, token: manager, file: Data("%PDF-1.4 x".utf8), fileName: "x.pdf")
            XCTAssertEqual(pdf.status, 400)
            XCTAssertTrue(pdf.text.contains("PDF"), pdf.text)
            let bad = try await preview(server, token: manager, file: data, fileName: "模板.xlsx", fields: ["header_row": "第三行"])
            XCTAssertEqual(bad.status, 400)
            XCTAssertTrue(bad.text.contains("not a row number"), bad.text)

            let agent = try await server.userToken("agent1", role: "agent")
            let refused = try await preview(server, token: agent, file: data, fileName: "模板.xlsx")
            XCTAssertEqual(refused.status, 403)

            // The import takes the named row, and says so in its report.
            let started = try await server.uploadMultipart("/api/v1/imports", token: manager, file: Data(RealWorldLists.preambleCSV.utf8),
                                                           fileName: "回访.csv", contentType: "text/csv",
                                                           fields: ["batch": "回访", "source": "分公司", "header_row": "3"])
            XCTAssertEqual(started.status, 202, started.text)
            let id = try XCTUnwrap(started.json["id"] as? String)
            var job: [String: Any] = [:]
            for _ in 0..<200 {
                job = try await server.request(.GET, "/api/v1/imports/\(id)", token: manager).json
                if job["state"] as? String != "running" { break }
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            XCTAssertEqual(job["state"] as? String, "done", "\(job)")
            let report = try XCTUnwrap(job["report"] as? [String: Any])
            XCTAssertEqual(report["header_row"] as? Int, 3)
            XCTAssertEqual(report["imported"] as? Int, 2)
        }
    }
}
