import FluentKit
import Foundation
import WaihuDomain
import XCTest
@testable import WaihuServer

/// Importing real files into the real database (SQLite, or PostgreSQL with
/// WAIHU_TEST_DATABASE): counts, row numbers and reasons, then keys, plates and
/// renewal dates as the export shows them.
final class LeadImportTests: XCTestCase {
    /// branch-gbk.csv, in UTF-8 (the file itself is GBK, as Excel on Chinese Windows saves it):
    /// ```
    ///  1 客户名称,手机号码,车牌号,车型,到期日,初登日期,备注
    ///  2 张三,13800138000,沪a-12345,大众朗逸,2026/3/5,,老客户              imported
    ///  3 李四,138 0013 8001,粤B·D12345,比亚迪秦,,2019-02-28,                imported, renews 2027-02-28
    ///  4 王五,1380013800,…                                                    invalid_phone (10 digits)
    ///  5 赵六,+86 138-0013-8000,…                                             duplicate of row 2
    ///  6 钱七,021-62345678转801,沪b 54321,…,20260415,,"公司电话,找财务"      imported, landline + extension
    ///  7 ,,,,,,                                                               blank: skipped, not counted
    ///  8 孙八,13900139000,…                                                   dnc
    ///  9 周九,13700137000,…                                                   duplicate of a lead already in the system
    /// 10 吴十,010 8888 8888,京N55555,…                                        imported, no renewal date
    /// 11 郑十一,13500135000,…,2026年4月1日,2020-02-29,                         imported, expiry wins
    /// 12 冯十二,１３９００１３９００１,…,,2020/02/29,                            imported, 29 Feb → 1 Mar
    /// 13 陈十三,13600136000,…,2026-09-30,,                                     imported (its DNC entry expired)
    /// ```
    func testGBKBranchListGivesExactCountsRowsReasonsAndExport() async throws {
        try await TestServer.with { server in
            let db = server.app.db
            let earlier = try LeadFixtures.temporaryFile("earlier.csv", "姓名,电话\n老客户,13700137000\n")
            _ = try await LeadImporter(database: db, actor: .console())
                .run(.init(file: earlier, batchName: "先前批次", sourceName: "平安续保", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
            let dnc = DoNotCallList(database: db, actor: .console())
            try await dnc.add("139 0013 9000", reason: "客户拒绝", until: nil)
            try await dnc.add("13600136000", reason: "客户拒绝", until: CalendarDay(year: 2020, month: 1, day: 1))

            let result = try await LeadImporter(database: db, actor: .console())
                .run(.init(file: LeadFixtures.branchGBK, batchName: "分公司3月", sourceName: "分公司", costPerLead: 0.5,
                           options: LeadFileOptions(asOf: LeadFixtures.asOf)))
            let report = result.report
            XCTAssertEqual(result.format, .csv)
            XCTAssertEqual(report.rows, 11)
            XCTAssertEqual(report.imported, 7)
            XCTAssertEqual(report.invalidPhone, 1)
            XCTAssertEqual(report.duplicate, 2)
            XCTAssertEqual(report.doNotCall, 1)
            XCTAssertEqual(report.rejects, [
                .init(row: 4, reason: .invalidPhone, value: "1380013800"),
                .init(row: 5, reason: .duplicate, value: "+86 138-0013-8000"),
                .init(row: 8, reason: .doNotCall, value: "13900139000"),
                .init(row: 9, reason: .duplicate, value: "13700137000"),
            ])
            XCTAssertEqual(report.orderedJSON, #"{"rows":11,"imported":7,"invalid_phone":1,"duplicate":2,"dnc":1,"rejects":["#
                + #"{"row":4,"reason":"invalid_phone","value":"1380013800"},{"row":5,"reason":"duplicate","value":"+86 138-0013-8000"},"#
                + #"{"row":8,"reason":"dnc","value":"13900139000"},{"row":9,"reason":"duplicate","value":"13700137000"}]}"#)
            let decoded = try JSONDecoder().decode(ImportReport.self, from: Data(report.orderedJSON.utf8))
            XCTAssertEqual(decoded.rejects, report.rejects)
            let leadCount = try await LeadFixtures.count("leads", on: db)
            XCTAssertEqual(leadCount, 8)

            let csvURL = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).csv")
            let admin = AuditActor(id: nil, name: "admin", address: "test")
            let exported = try await LeadExporter(database: db, actor: admin).export(batchName: "分公司3月", format: .csv, to: csvURL)
            XCTAssertEqual(exported, 7)
            let csv = try LeadFixtures.readCSV(csvURL)
            XCTAssertEqual(Array(csv[0].prefix(LeadExporter.fixedColumns.count)), LeadExporter.fixedColumns)
            XCTAssertEqual(csv[0].last, "备注")
            try checkBranchExport(LeadFixtures.byKey(csv))

            let xlsxURL = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).xlsx")
            try await LeadExporter(database: db, actor: admin).export(batchName: "分公司3月", format: .xlsx, to: xlsxURL)
            try checkBranchExport(LeadFixtures.byKey(try LeadFixtures.readXLSX(xlsxURL)))

            let stats = try await ListStatistics(database: db).batches()
            let branch = try XCTUnwrap(stats.first { $0.name == "分公司3月" })
            XCTAssertEqual(branch.leads, 7)
            XCTAssertEqual(branch.cost, 3.5, accuracy: 1e-9)
            XCTAssertEqual(branch.invalidRate ?? -1, 1.0 / 11, accuracy: 1e-9)
            XCTAssertEqual(branch.duplicateRate ?? -1, 2.0 / 11, accuracy: 1e-9)
            XCTAssertNil(branch.contactRate)
        }
    }

    private func checkBranchExport(_ rows: [String: [String: String]], file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(Set(rows.keys), ["+8613800138000", "+8613800138001", "+862162345678", "+861088888888",
                                        "+8613500135000", "+8613900139001", "+8613600136000"], file: file, line: line)
        func check(_ key: String, name: String, plate: String, renewal: String, ext: String = "", note: String = "") {
            let row = rows[key] ?? [:]
            XCTAssertEqual(row["name"], name, key, file: file, line: line)
            XCTAssertEqual(row["plate"], plate, key, file: file, line: line)
            XCTAssertEqual(row["renewal_date"], renewal, key, file: file, line: line)
            XCTAssertEqual(row["extension"], ext, key, file: file, line: line)
            XCTAssertEqual(row["备注"], note, key, file: file, line: line)
            XCTAssertEqual(row["batch"], "分公司3月", key, file: file, line: line)
            XCTAssertEqual(row["source"], "分公司", key, file: file, line: line)
            XCTAssertEqual(row["status"], "new", key, file: file, line: line)
        }
        check("+8613800138000", name: "张三", plate: "沪A12345", renewal: "2026-03-05", note: "老客户")
        check("+8613800138001", name: "李四", plate: "粤BD12345", renewal: "2027-02-28")
        check("+862162345678", name: "钱七", plate: "沪B54321", renewal: "2026-04-15", ext: "801", note: "公司电话,找财务")
        check("+861088888888", name: "吴十", plate: "京N55555", renewal: "")
        check("+8613500135000", name: "郑十一", plate: "鲁B66666", renewal: "2026-04-01")
        check("+8613900139001", name: "冯十二", plate: "川A77777", renewal: "2026-03-01")
        check("+8613600136000", name: "陈十三", plate: "鄂A88888", renewal: "2026-09-30")
    }

    /// A renewal list as an insurer sends it: .xlsx with Excel date serials and text dates.
    func testRenewalWorkbookImportsWithDatesFromSerialsAndText() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renewal-\(UUID().uuidString).xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.addSheet(named: "续保名单")
        try writer.appendHeader(["被保险人", "联系电话", "车牌号码", "厂牌车型", "保险到期日", "初登日期", "上年承保公司"])
        try writer.appendRow(["刘一", "18600186000", "沪A·D1234", "特斯拉Model 3", .integer(46086), .empty, "平安"])   // row 2
        try writer.appendRow(["陈二", "186-0018-6001", "沪E 99999", "丰田卡罗拉", "2026/10/8", .empty, "人保"])       // row 3
        try writer.appendRow(["张三", "abc", "沪F00000", .empty, .empty, .empty, .empty])                         // row 4 invalid
        try writer.appendRow(["李四", "8618600186000", "沪G11111", .empty, .empty, "2018-12-31", .empty])         // row 5 duplicate of 2
        try writer.appendRow(["王五", "0571-87654321", "浙A12345", "吉利帝豪", .empty, "2018-12-31", "太平洋"])    // row 6
        try writer.finish()

        try await TestServer.with { server in
            let result = try await LeadImporter(database: server.app.db, actor: .console())
                .run(.init(file: url, batchName: "续保3月", sourceName: "平安续保", costPerLead: 1.2,
                           options: LeadFileOptions(asOf: LeadFixtures.asOf)))
            XCTAssertEqual(result.format, .xlsx)
            XCTAssertEqual(result.report.rows, 5)
            XCTAssertEqual(result.report.imported, 3)
            XCTAssertEqual(result.report.rejects, [.init(row: 4, reason: .invalidPhone, value: "abc"),
                                                   .init(row: 5, reason: .duplicate, value: "8618600186000")])
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("renewal-out-\(UUID().uuidString).xlsx")
            try await LeadExporter(database: server.app.db, actor: .console()).export(batchName: nil, format: .xlsx, to: out)
            let rows = LeadFixtures.byKey(try LeadFixtures.readXLSX(out))
            XCTAssertEqual(rows["+8618600186000"]?["plate"], "沪AD1234")
            XCTAssertEqual(rows["+8618600186000"]?["renewal_date"], "2026-03-05")
            XCTAssertEqual(rows["+8618600186001"]?["renewal_date"], "2026-10-08")
            XCTAssertEqual(rows["+8657187654321"]?["renewal_date"], "2026-12-31")
            XCTAssertEqual(rows["+8657187654321"]?["上年承保公司"], "太平洋")
        }
    }

    func testBadFilesAreRefusedWithAClearErrorAndImportNothing() async throws {
        try await TestServer.with { server in
            let db = server.app.db
            var cases: [(String, Data, String)] = [
                ("empty.csv", Data(), "empty"),
                ("scan.pdf", Data("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".utf8), "PDF"),
                ("nophone.csv", Data("姓名,车牌号码\n张三,沪A12345\n".utf8), "no phone column"),
                ("quote.csv", Data("姓名,电话\n张三,13800138000\n\"李四,13800138001\n王五,13800138002\n".utf8), "broken quote in row 3"),
                ("headeronly.csv", Data("\n\n".utf8), "empty"),
            ]
            // A workbook cut off in the middle, as a failed mail download leaves it.
            let workbook = FileManager.default.temporaryDirectory.appendingPathComponent("whole-\(UUID().uuidString).xlsx")
            let writer = try XLSXWriter(url: workbook)
            try writer.addSheet(named: "名单")
            try writer.appendHeader(["姓名", "电话"])
            for index in 0..<2000 { try writer.appendRow([.text("客户\(index)"), .text("139\(String(format: "%08d", index))")]) }
            try writer.finish()
            let whole = try Data(contentsOf: workbook)
            cases.append(("truncated.xlsx", whole.prefix(whole.count / 2), "xlsx"))
            for (name, data, expected) in cases {
                let url = try LeadFixtures.temporaryFile(name, data)
                do {
                    _ = try await LeadImporter(database: db, actor: .console())
                        .run(.init(file: url, batchName: "bad-\(name)", sourceName: "x", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
                    XCTFail("\(name) was imported")
                } catch {
                    let message = leadImportMessage(error)
                    XCTAssertTrue(message.contains(expected), "\(name): \(message)")
                }
            }
            // A broken quote far into the file: the rows before it are not kept either.
            var big = "姓名,电话\n"
            for index in 0..<5000 { big += "客户\(index),139\(String(format: "%08d", index))\n" }
            big += "坏行,\"13800138000\n"
            let url = try LeadFixtures.temporaryFile("late.csv", big)
            do {
                _ = try await LeadImporter(database: db, actor: .console())
                    .run(.init(file: url, batchName: "late", sourceName: "x", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
                XCTFail("a broken quote on row 5002 was imported")
            } catch {
                XCTAssertTrue(leadImportMessage(error).contains("row 5002"), leadImportMessage(error))
            }
            let leads = try await LeadFixtures.count("leads", on: db)
            let batches = try await LeadFixtures.count("lead_batches", on: db)
            XCTAssertEqual(leads, 0)
            XCTAssertEqual(batches, 0)
        }
    }

    func testABatchNameIsUsedOnce() async throws {
        try await TestServer.with { server in
            let url = try LeadFixtures.temporaryFile("a.csv", "电话\n13800138000\n")
            let importer = LeadImporter(database: server.app.db, actor: .console())
            _ = try await importer.run(.init(file: url, batchName: "一月", sourceName: "s", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
            do {
                _ = try await importer.run(.init(file: url, batchName: "一月", sourceName: "s", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
                XCTFail("second batch with the same name")
            } catch let error as LeadImportError {
                XCTAssertEqual(error, .batchExists("一月"))
            }
            // The refused import let go of the database: the next one, and a write through
            // the server's own connections, go through at once.
            let other = try LeadFixtures.temporaryFile("b.csv", "电话\n13900139000\n")
            let second = try await importer.run(.init(file: other, batchName: "二月", sourceName: "s", options: LeadFileOptions(asOf: LeadFixtures.asOf)))
            XCTAssertEqual(second.report.imported, 1)
            let source = try await SourceRecord.query(on: server.app.db).filter(\.$name == "s").first()
            source?.defaultPrice = 0.8
            try await source?.update(on: server.app.db)
            let batches = try await LeadFixtures.count("lead_batches", on: server.app.db)
            XCTAssertEqual(batches, 2)
        }
    }
}
