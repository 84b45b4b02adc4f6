import Foundation
import XCTest

/// `waihu leads import` on the lists of issue 26, as a user runs it: what it prints and its
/// exit status (0 imported, 1 the file refused with the reason alone, 64 a wrong argument).
final class RealWorldListCommandTests: XCTestCase {
    private var folder = ""
    private var db: [String] = []

    override func setUp() async throws {
        folder = NSTemporaryDirectory() + "waihu-real-world-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let url = ProcessInfo.processInfo.environment["WAIHU_TEST_DATABASE"] {
            try await TestServer.emptyTestDatabase()
            db = ["--database", url, "--data-dir", folder]
        } else {
            db = ["--data-dir", folder]
        }
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func importList(_ url: URL, batch: String, _ extra: [String] = []) throws -> (status: Int32, stdout: String, stderr: String) {
        try WaihuExecutable.run(["leads", "import", url.path, "--batch", batch, "--source", "测试", "--as-of", "2026-03-01"] + extra + db)
    }

    private func text(_ name: String, _ contents: String) throws -> URL {
        let url = URL(fileURLWithPath: folder + "/" + name)
        try Data(contents.utf8).write(to: url)
        return url
    }

    private func assertRefused(_ run: (status: Int32, stdout: String, stderr: String), saying expected: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, 1, run.stderr, file: file, line: line)
        XCTAssertTrue(run.stderr.contains(expected), run.stderr, file: file, line: line)
        XCTAssertTrue(run.stderr.contains("nothing was imported"), run.stderr, file: file, line: line)
        XCTAssertFalse(run.stderr.contains("Usage:") || run.stderr.contains("--help"), run.stderr, file: file, line: line)
    }

    func testHeadersBelowAPreambleAreFoundOrNamed() throws {
        let workbook = try RealWorldLists.preambleWorkbook()
        defer { try? FileManager.default.removeItem(at: workbook) }
        let found = try importList(workbook, batch: "模板")
        XCTAssertEqual(found.status, 0, found.stderr)
        XCTAssertTrue(found.stdout.contains("headers taken from row 3 of sheet 续保名单; rows 1–2 above it are not imported"), found.stdout)
        XCTAssertTrue(found.stdout.contains("batch 模板: 3 rows, 2 imported, 1 invalid_phone, 0 duplicate, 0 dnc"), found.stdout)
        XCTAssertTrue(found.stdout.contains("row 6: invalid_phone 12345"), found.stdout)

        let csv = try text("回访.csv", RealWorldLists.preambleCSV)
        let named = try importList(csv, batch: "回访", ["--header-row", "3", "--report", folder + "/r.json"])
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(named.stdout.contains("headers taken from row 3; rows 1–2 above it are not imported"), named.stdout)
        XCTAssertTrue(named.stdout.contains("2 rows, 2 imported"), named.stdout)
        let report = try String(contentsOfFile: folder + "/r.json", encoding: .utf8)
        XCTAssertTrue(report.hasSuffix(#""rejects":[],"header_row":3}"# + "\n"), report)

        // The title row named as the header: refused, naming the row and its header short.
        let wrong = try importList(workbook, batch: "模板2", ["--header-row", "1"])
        assertRefused(wrong, saying: "no phone column (联系电话/手机号码…) among the headers in row 1: 导入说明：…")
        XCTAssertFalse(wrong.stderr.contains("请勿修改表头"), "the instruction block is not printed whole: \(wrong.stderr)")
    }

    func testAChartSheetFirstIsSkipped() throws {
        let workbook = try RealWorldLists.chartFirstWorkbook()
        defer { try? FileManager.default.removeItem(at: workbook) }
        let run = try importList(workbook, batch: "图表")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("batch 图表: 2 rows, 2 imported"), run.stdout)
        let chart = try importList(workbook, batch: "图表2", ["--sheet", "Chart1"])
        assertRefused(chart, saying: "'Chart1' is a chart sheet, not a worksheet with cells; its worksheets are: 名单")
    }

    func testADamagedPartIsNamedAndTheIntactSheetSaid() throws {
        let workbook = try RealWorldLists.damagedWorkbook()
        defer { try? FileManager.default.removeItem(at: workbook) }
        let run = try importList(workbook, batch: "损坏")
        assertRefused(run, saying: "the .xlsx file is damaged or incomplete: part xl/_rels/workbook.xml.rels does not match its checksum; "
            + "its worksheets (xl/worksheets/sheet1.xml) are intact: open the file in Excel or WPS, save it again")
        XCTAssertFalse(run.stderr.contains("no worksheets"), run.stderr)
    }

    func testQuotesFollowedByTabsAreReadAndMangledNumbersRejected() throws {
        let run = try importList(try text("订单.csv", RealWorldLists.lenientCSV), batch: "订单")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("batch 订单: 2 rows, 1 imported, 1 invalid_phone"), run.stdout)
        XCTAssertTrue(run.stdout.contains("row 3: invalid_phone 3.60723E+18 (Excel turned this number into scientific notation"), run.stdout)

        let broken = try importList(try text("坏.csv", RealWorldLists.brokenQuoteCSV), batch: "坏")
        assertRefused(broken, saying: "broken quote in row 3")
    }

    func testWrongArgumentsStillShowTheUsage() throws {
        let csv = try text("回访.csv", RealWorldLists.preambleCSV)
        let run = try importList(csv, batch: "x", ["--header-row", "0"])
        XCTAssertEqual(run.status, 64, run.stderr)
        XCTAssertTrue(run.stderr.contains("--header-row must be a row number") && run.stderr.contains("Usage:"), run.stderr)
    }
}
