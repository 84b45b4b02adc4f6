import Foundation
import XCTest
@testable import WaihuServer

/// The writer is checked by an independent reader, openpyxl (Debian's python3-openpyxl,
/// installed by the test command), so "Excel opens it" is not our own reader agreeing
/// with our own writer.
final class XLSXWriterTests: XCTestCase {
    func testColumnNames() {
        XCTAssertEqual(XLSXWriter.columnName(0), "A")
        XCTAssertEqual(XLSXWriter.columnName(25), "Z")
        XCTAssertEqual(XLSXWriter.columnName(26), "AA")
        XCTAssertEqual(XLSXWriter.columnName(701), "ZZ")
        XCTAssertEqual(XLSXWriter.columnName(702), "AAA")
    }

    func testOpenpyxlReadsSheetsTextNumbersAndEscapes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("w-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XLSXWriter(url: url)
        try writer.addSheet(named: "坐席日报")
        try writer.appendHeader(["座席", "外呼量", "接通率"])
        try writer.appendRow([.text("张三 <A&B>"), .integer(412), .number(0.3125)])
        try writer.appendRow([.text("李四\u{01}"), .integer(0), .number(.nan)])
        try writer.addSheet(named: "Teams")
        for index in 0..<3000 { try writer.appendRow([.text("t\(index)"), .integer(index)]) }
        try writer.finish()
        XCTAssertThrowsError(try writer.appendRow([.integer(1)]))

        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
        out = {name: [list(r) for r in wb[name].iter_rows(values_only=True)] for name in wb.sheetnames}
        out["_names"] = wb.sheetnames
        print(json.dumps(out, ensure_ascii=False))
        """
        let output = try Python.run(script, arguments: [url.path])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        XCTAssertEqual(object["_names"] as? [String], ["坐席日报", "Teams"])
        let daily = try XCTUnwrap(object["坐席日报"] as? [[Any]])
        XCTAssertEqual(daily[0] as? [String], ["座席", "外呼量", "接通率"])
        XCTAssertEqual(daily[1][0] as? String, "张三 <A&B>")
        XCTAssertEqual(daily[1][1] as? Int, 412)
        XCTAssertEqual(daily[1][2] as? Double, 0.3125)
        XCTAssertEqual(daily.count, 3)
        XCTAssertEqual(daily[2][0] as? String, "李四")
        XCTAssertTrue(daily[2].count < 3 || daily[2][2] is NSNull, "a NaN is written as an empty cell")
        let teams = try XCTUnwrap(object["Teams"] as? [[Any]])
        XCTAssertEqual(teams.count, 3000)
        XCTAssertEqual(teams[2999][1] as? Int, 2999)
    }

    func testSheetNamesExcelRefuses() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("w-\(UUID().uuidString).xlsx")
        let writer = try XLSXWriter(url: url)
        XCTAssertThrowsError(try writer.addSheet(named: "a/b"))
        XCTAssertThrowsError(try writer.addSheet(named: String(repeating: "x", count: 32)))
        XCTAssertThrowsError(try writer.appendRow(["x"])) { error in
            XCTAssertEqual(error as? XLSXWriterError, .noSheet)
        }
        try writer.addSheet(named: "One")
        XCTAssertThrowsError(try writer.addSheet(named: "one"))
    }
}
