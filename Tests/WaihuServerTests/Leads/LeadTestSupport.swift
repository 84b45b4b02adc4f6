import FluentKit
import Foundation
import SQLKit
import WaihuDomain
import XCTest
@testable import WaihuServer

/// Files and reads shared by the lead tests.
enum LeadFixtures {
    static let folder = packageRoot + "/Tests/WaihuServerTests/Leads/Fixtures"
    /// Written by hand, saved in GBK (see the test for its rows in UTF-8).
    static var branchGBK: URL { URL(fileURLWithPath: folder + "/branch-gbk.csv") }
    static let asOf = CalendarDay(year: 2026, month: 3, day: 1)!

    static func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        try temporaryFile(name, Data(contents.utf8))
    }

    static func temporaryFile(_ name: String, _ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lead-\(UUID().uuidString)-\(name)")
        try data.write(to: url)
        return url
    }

    static func count(_ table: String, on db: Database) async throws -> Int {
        let sql = db as! SQLDatabase
        struct Row: Decodable { var n: Int }
        return try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first(decoding: Row.self)?.n ?? -1
    }

    /// Rows of a CSV written by the exporter (UTF-8 with BOM, no embedded line breaks in these tests).
    static func readCSV(_ url: URL) throws -> [[String]] {
        var reader = CSVReader()
        var records = try reader.feed([UInt8](try Data(contentsOf: url)))
        records += try reader.finish()
        return records.map(\.fields)
    }

    /// Reads the first sheet of a workbook with openpyxl, as lists of strings ("" for empty).
    static func readXLSX(_ url: URL) throws -> [[String]] {
        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
        ws = wb[wb.sheetnames[0]]
        print(json.dumps([["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)], ensure_ascii=False))
        """
        let data = Data(try Python.run(script, arguments: [url.path]).utf8)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String]])
    }

    /// Export rows keyed by phone key, each a header → value dictionary.
    static func byKey(_ table: [[String]]) -> [String: [String: String]] {
        guard let header = table.first else { return [:] }
        var result: [String: [String: String]] = [:]
        for row in table.dropFirst() {
            var entry: [String: String] = [:]
            for (index, title) in header.enumerated() { entry[title] = index < row.count ? row[index] : "" }
            result[entry["phone"] ?? ""] = entry
        }
        return result
    }
}
