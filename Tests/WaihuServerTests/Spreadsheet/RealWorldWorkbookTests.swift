import Foundation
import WaihuDomain
import XCTest
import ZIPFoundation
@testable import WaihuServer

/// Workbooks as generators other than Excel write them, each made here part by part (or by
/// openpyxl): a chart sheet before the list, a damaged relationships part, and the forms that
/// are read right today and must stay so.
final class RealWorldWorkbookTests: XCTestCase {
    private let asOf = CalendarDay(year: 2026, month: 3, day: 1)!
    private var files: [URL] = []

    override func tearDown() {
        for file in files { try? FileManager.default.removeItem(at: file) }
    }

    private func temporaryFile(_ suffix: String = "xlsx") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-\(UUID().uuidString).\(suffix)")
        files.append(url)
        return url
    }

    private func write(_ parts: WorkbookParts, stored: Bool = false) throws -> URL {
        let url = temporaryFile()
        try parts.write(to: url, stored: stored)
        return url
    }

    private func leadRows(_ url: URL, sheet: String? = nil) throws -> [LeadRow] {
        let reader = try LeadFileReader(url: url, options: LeadFileOptions(asOf: asOf, sheet: sheet))
        var rows: [LeadRow] = []
        while let batch = try reader.nextRows() { rows += batch }
        return rows
    }

    private let list = WorkbookParts.row(1, ["姓名", "手机"]) + WorkbookParts.row(2, ["张三", "13800138000"])
        + WorkbookParts.row(3, ["李四", "13900139000"])

    // MARK: - A chart sheet as the first tab

    func testAChartSheetBeforeTheListIsSkipped() throws {
        let url = try write(WorkbookParts(sheets: [.init(name: "Chart1", isChart: true, rows: ""), .init(name: "名单", rows: list)]))
        let sheet = try XLSXSheetReader(url: url, sheetName: nil)
        XCTAssertEqual(sheet.sheetName, "名单")
        XCTAssertEqual(sheet.sheetNames, ["名单"])
        XCTAssertEqual(try leadRows(url).map { try $0.phone.get().key }, ["+8613800138000", "+8613900139000"])

        XCTAssertThrowsError(try leadRows(url, sheet: "Chart1")) { error in
            XCTAssertEqual(error as? XLSXReadError, .notAWorksheet("Chart1", kind: "chart sheet", worksheets: ["名单"]))
            XCTAssertEqual("\(error)", "'Chart1' is a chart sheet, not a worksheet with cells; its worksheets are: 名单")
        }
        let onlyChart = try write(WorkbookParts(sheets: [.init(name: "Chart1", isChart: true, rows: "")]))
        XCTAssertThrowsError(try leadRows(onlyChart)) { error in
            XCTAssertEqual("\(error)", "the workbook has no worksheet to import (its sheets are: Chart1 (chart sheet))")
        }
    }

    /// The same, as openpyxl makes it: a bar chart on a chart sheet moved to the front.
    func testAChartSheetMadeByOpenpyxlIsSkipped() throws {
        let url = try RealWorldLists.chartFirstWorkbook(sheet: "续保名单", headers: ["客户姓名", "联系电话", "保费"])
        files.append(url)
        XCTAssertEqual(try XLSXSheetReader(url: url, sheetName: nil).sheetName, "续保名单")
        XCTAssertEqual(try leadRows(url).map(\.name), ["张三", "李四"])
    }

    // MARK: - A damaged package

    /// Garbles bytes of a stored part in place: its checksum in the archive no longer matches.
    private func garble(_ url: URL, at marker: String) throws {
        var bytes = try Data(contentsOf: url)
        let found = try XCTUnwrap(bytes.range(of: Data(marker.utf8)), marker)
        for offset in found { bytes[offset] ^= 0x5A }
        try bytes.write(to: url)
    }

    func testAGarbledRelationshipsPartIsDamagedAndTheIntactWorksheetsAreNamed() throws {
        let url = try write(WorkbookParts(sheets: [.init(name: "名单", rows: list)]), stored: true)
        try garble(url, at: #"Target="worksheets/sheet1.xml""#)
        XCTAssertThrowsError(try leadRows(url)) { error in
            XCTAssertEqual(error as? XLSXReadError, .damagedPart("xl/_rels/workbook.xml.rels", reason: "does not match its checksum",
                                                                 intactWorksheets: ["xl/worksheets/sheet1.xml"]))
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("the .xlsx file is damaged or incomplete: part xl/_rels/workbook.xml.rels does not match its checksum; "
                + "its worksheets (xl/worksheets/sheet1.xml) are intact: open the file in Excel or WPS, save it again"), message)
            XCTAssertFalse(message.contains("no worksheets"), message)
        }
        // The worksheet garbled too: nothing to save, only to download again.
        try garble(url, at: "13900139000")
        XCTAssertThrowsError(try leadRows(url)) { error in
            XCTAssertEqual(error as? XLSXReadError, .damagedPart("xl/_rels/workbook.xml.rels", reason: "does not match its checksum",
                                                                 intactWorksheets: []))
            XCTAssertTrue("\(error)".hasSuffix("does not match its checksum; download or save it again"), "\(error)")
        }
    }

    func testAGarbledSharedStringsPartIsDamagedToo() throws {
        var parts = WorkbookParts(sheets: [.init(name: "名单", rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>"#)])
        parts.extraParts = [("xl/sharedStrings.xml", #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>手机</t></si><si><t>13800138000</t></si></sst>"#)]
        let url = try write(parts, stored: true)
        try garble(url, at: "<si><t>13800138000")
        XCTAssertThrowsError(try leadRows(url)) { error in
            XCTAssertEqual(error as? XLSXReadError, .damagedPart("xl/sharedStrings.xml", reason: "does not match its checksum",
                                                                 intactWorksheets: ["xl/worksheets/sheet1.xml"]))
        }
    }

    // MARK: - Read right today, and to stay so

    /// Each form alone, all giving the same two leads from rows 2 and 3.
    func testFormsOtherGeneratorsWrite() throws {
        let twoLeads = ["+8613800138000", "+8613900139000"]
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let cases: [(String, WorkbookParts)] = [
            ("inline strings, no styles or shared strings part", WorkbookParts(sheets: [.init(name: "S", rows: list)])),
            ("namespace prefixes", WorkbookParts(sheets: [.init(name: "S", rows: WorkbookParts.row(1, ["姓名", "手机"], prefix: "x")
                + WorkbookParts.row(2, ["张三", "13800138000"], prefix: "x") + WorkbookParts.row(3, ["李四", "13900139000"], prefix: "x"))],
                prefix: "x")),
            ("Strict Open XML", WorkbookParts(sheets: [.init(name: "S", rows: list)], strict: true)),
            ("CDATA and formula strings (t=\"str\")", WorkbookParts(sheets: [.init(name: "S", rows: WorkbookParts.row(1, ["姓名", "手机"])
                + #"<row r="2"><c r="B2" t="str"><f>"138"&amp;"00138000"</f><v><![CDATA[13800138000]]></v></c></row>"#
                + #"<row r="3"><c r="B3" t="inlineStr"><is><t><![CDATA[13900139000]]></t></is></c></row>"#)])),
            ("numeric phone cells", WorkbookParts(sheets: [.init(name: "S", rows: WorkbookParts.row(1, ["姓名", "手机"])
                + #"<row r="2"><c r="B2"><v>13800138000</v></c></row><row r="3"><c r="B3"><v>1.3900139E10</v></c></row>"#)])),
            ("rows and cells without r", WorkbookParts(sheets: [.init(name: "S", rows:
                #"<row><c t="inlineStr"><is><t>姓名</t></is></c><c t="inlineStr"><is><t>手机</t></is></c></row>"#
                + #"<row><c t="inlineStr"><is><t>张三</t></is></c><c><v>13800138000</v></c></row>"#
                + #"<row><c/><c t="inlineStr"><is><t>13900139000</t></is></c></row>"#)])),
            ("a declared size of A1:XFD1048576", WorkbookParts(sheets: [.init(name: "S", rows:
                #"<?xml version="1.0"?><worksheet xmlns="\#(main)"><dimension ref="A1:XFD1048576"/>"#
                + #"<cols><col min="1" max="16384" width="9" customWidth="1"/></cols><sheetData>\#(list)</sheetData></worksheet>"#,
                wholeXML: true)])),
            ("thousands of formatted empty rows", WorkbookParts(sheets: [.init(name: "S", rows: list
                + (4...20_000).map { #"<row r="\#($0)" s="1" customFormat="1" ht="15"><c r="A\#($0)" s="1"/><c r="B\#($0)" s="1"/></row>"# }.joined())],
                extraParts: [("xl/styles.xml", #"<styleSheet xmlns="\#(main)"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="49"/></cellXfs></styleSheet>"#)])),
            ("vertically merged cells", WorkbookParts(sheets: [.init(name: "S", rows:
                #"<?xml version="1.0"?><worksheet xmlns="\#(main)"><sheetData>"#
                + WorkbookParts.row(1, ["车主", "手机"])
                + #"<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2"><v>13800138000</v></c></row>"#
                + #"<row r="3"><c r="B3"><v>13900139000</v></c></row>"#
                + #"</sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells></worksheet>"#, wholeXML: true)])),
            ("multi-line cells", WorkbookParts(sheets: [.init(name: "S", rows: WorkbookParts.row(1, ["姓名", "手机", "备注"])
                + WorkbookParts.row(2, ["张三", "13800138000", "第一行&#10;第二行"]) + WorkbookParts.row(3, ["李四", "13900139000", "a_x000D_b"]))])),
        ]
        for (name, parts) in cases {
            let rows = try leadRows(try write(parts))
            XCTAssertEqual(rows.map(\.row), [2, 3], name)
            XCTAssertEqual(rows.map { try? $0.phone.get().key }, twoLeads, name)
        }
    }

    func testMergedCellsKeepTheirValueInTheFirstRowOnly() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let url = try write(WorkbookParts(sheets: [.init(name: "S", rows: #"<?xml version="1.0"?><worksheet xmlns="\#(main)"><sheetData>"#
            + WorkbookParts.row(1, ["车主", "手机"]) + WorkbookParts.row(2, ["张三", "13800138000"])
            + #"<row r="3"><c r="B3"><v>13900139000</v></c></row></sheetData><mergeCells><mergeCell ref="A2:A3"/></mergeCells></worksheet>"#,
            wholeXML: true)]))
        XCTAssertEqual(try leadRows(url).map(\.name), ["张三", nil])
    }

    func testThe1904DateSystemFromParts() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        var parts = WorkbookParts(sheets: [.init(name: "S", rows: WorkbookParts.row(1, ["手机", "保险到期日"])
            + #"<row r="2"><c r="A2"><v>13800138000</v></c><c r="B2" s="1"><v>45629</v></c></row>"#)], date1904: true)
        parts.extraParts = [("xl/styles.xml", #"<styleSheet xmlns="\#(main)"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>"#)]
        // 45629 days after 1 January 1904 is 4 December 2028 (in the 1900 system it would be 2024-12-03).
        XCTAssertEqual(try leadRows(try write(parts)).first?.renewalDate?.isoString, "2028-12-04")
    }

    func testAnEncryptedWorkbookIsRefusedClearly() throws {
        // Excel saves a password-protected .xlsx inside an OLE2 compound file.
        let url = temporaryFile()
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
                 + Array("EncryptionInfo EncryptedPackage".utf8)).write(to: url)
        XCTAssertThrowsError(try leadRows(url)) { error in
            XCTAssertEqual(error as? LeadFileError, .legacyExcel)
            XCTAssertTrue("\(error)".contains("password-protected"), "\(error)")
        }
    }
}
