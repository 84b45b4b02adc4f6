import Foundation
import WaihuDomain
import XCTest
import ZIPFoundation
@testable import WaihuServer

/// Workbooks made by openpyxl (shared strings, date styles, the 1904 date system, gaps)
/// and by our own writer (inline strings) are read into the same lead rows a CSV gives;
/// damaged and foreign files are refused with a message that names the problem.
final class LeadFileReaderTests: XCTestCase {
    private let asOf = CalendarDay(year: 2026, month: 11, day: 23)!
    private var files: [URL] = []

    override func tearDown() {
        for file in files { try? FileManager.default.removeItem(at: file) }
    }

    private func temporaryFile(_ suffix: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leads-\(UUID().uuidString).\(suffix)")
        files.append(url)
        return url
    }

    /// A renewal list as a branch office saves it from Excel: shared strings, a phone as a
    /// number, Chinese date formats, a date with no format, an empty cell in the middle.
    private func makeRenewalWorkbook(epoch1904: Bool = false) throws -> URL {
        let url = temporaryFile("xlsx")
        let script = """
        import sys, datetime, openpyxl
        from openpyxl.utils.datetime import CALENDAR_MAC_1904
        wb = openpyxl.Workbook()
        if sys.argv[2] == "1904":
            wb.epoch = CALENDAR_MAC_1904
        ws = wb.active
        ws.title = "续保名单"
        ws.append(["客户姓名", "联系电话", "车牌号码", "厂牌车型", "保险到期日", "初登日期", "备注"])
        ws.append(["张三", 13800138000, "沪a-12345", "大众朗逸", datetime.datetime(2026, 12, 5), None, "老客户 & <VIP>"])
        ws["E2"].number_format = 'yyyy"年"m"月"d"日"'
        ws.append(["李四", "021-6234 5678转801", "京B·8888", None, "2026/3/5", datetime.date(2019, 2, 28), "第一行\\n第二行"])
        ws["F3"].number_format = "mm-dd-yy"
        ws.append([])
        ws.append(["王五", "12345", None, None, None, None, None])
        ws["A6"] = "赵六"
        ws["B6"] = "+86 139-0000-1111"
        ws["G6"] = 0.5
        other = wb.create_sheet("第二批")
        other.append(["联系电话"])
        other.append(["13700137000"])
        wb.save(sys.argv[1])
        """
        _ = try Python.run(script, arguments: [url.path, epoch1904 ? "1904" : "1900"])
        return url
    }

    func testSheetReaderGivesTheTextAUserSees() throws {
        let url = try makeRenewalWorkbook()
        let reader = try XLSXSheetReader(url: url, sheetName: nil)
        XCTAssertEqual(reader.sheetName, "续保名单")
        XCTAssertEqual(reader.sheetNames, ["续保名单", "第二批"])
        var rows: [XLSXRow] = []
        while let row = try reader.nextRow() { rows.append(row) }
        XCTAssertEqual(rows.map(\.number), [1, 2, 3, 5, 6])
        XCTAssertEqual(rows[0].cells, ["客户姓名", "联系电话", "车牌号码", "厂牌车型", "保险到期日", "初登日期", "备注"])
        XCTAssertEqual(rows[1].cells, ["张三", "13800138000", "沪a-12345", "大众朗逸", "2026-12-05", "", "老客户 & <VIP>"])
        XCTAssertEqual(rows[2].cells, ["李四", "021-6234 5678转801", "京B·8888", "", "2026/3/5", "2019-02-28", "第一行\n第二行"])
        XCTAssertEqual(rows[3].cells.prefix(2), ["王五", "12345"])
        XCTAssertEqual(rows[4].cells, ["赵六", "+86 139-0000-1111", "", "", "", "", "0.5"])
        XCTAssertEqual(reader.fractionRead, 1)
    }

    func testWorkbookBecomesLeadRowsWithKeysPlatesAndRenewalDates() throws {
        for epoch in [false, true] {
            let url = try makeRenewalWorkbook(epoch1904: epoch)
            let reader = try LeadFileReader(url: url, options: LeadFileOptions(asOf: asOf))
            XCTAssertEqual(reader.format, .xlsx)
            var rows: [LeadRow] = []
            while let batch = try reader.nextRows() { rows += batch }
            XCTAssertEqual(rows.map(\.row), [2, 3, 5, 6])
            XCTAssertEqual(try rows[0].phone.get().key, "+8613800138000")
            XCTAssertEqual(rows[0].plate?.value, "沪A12345")
            XCTAssertEqual(rows[0].renewalDate?.isoString, "2026-12-05", "1904 system: \(epoch)")
            XCTAssertEqual(try rows[1].phone.get().key, "+862162345678")
            XCTAssertEqual(try rows[1].phone.get().extensionNumber, "801")
            XCTAssertEqual(rows[1].plate?.value, "京B8888")
            // 保险到期日 2026-03-05 is present, so it wins over 初登日期.
            XCTAssertEqual(rows[1].renewalDate?.isoString, "2026-03-05")
            XCTAssertEqual(rows[1].firstRegistrationDate?.isoString, "2019-02-28")
            XCTAssertThrowsError(try rows[2].phone.get())
            XCTAssertEqual(rows[3].extras.first { $0.name == "备注" }?.value, "0.5")
        }
    }

    func testSheetChosenByName() throws {
        let url = try makeRenewalWorkbook()
        let reader = try LeadFileReader(url: url, options: LeadFileOptions(asOf: asOf, sheet: "第二批"))
        let rows = try XCTUnwrap(reader.nextRows())
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(try rows[0].phone.get().key, "+8613700137000")
        XCTAssertThrowsError(try LeadFileReader(url: url, options: LeadFileOptions(asOf: asOf, sheet: "三月"))) { error in
            XCTAssertEqual(error as? XLSXReadError, .noSuchSheet("三月", available: ["续保名单", "第二批"]))
            XCTAssertTrue("\(error)".contains("续保名单, 第二批"), "\(error)")
        }
    }

    func testOwnWriterRoundTripsThousandsOfRowsInBatches() throws {
        let url = temporaryFile("xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.addSheet(named: "名单")
        try writer.appendHeader(["姓名", "手机", "保险到期日"])
        for index in 0..<10_000 {
            try writer.appendRow([.text("客户\(index)"), .integer(13_900_000_000 + index), .text("2026-12-\(index % 28 + 1)")])
        }
        try writer.finish()
        let reader = try LeadFileReader(url: url, options: LeadFileOptions(asOf: asOf))
        var count = 0
        var batches = 0
        var last: LeadRow?
        while let rows = try reader.nextRows() {
            count += rows.count
            batches += 1
            last = rows.last
        }
        XCTAssertEqual(count, 10_000)
        XCTAssertGreaterThan(batches, 1, "rows come in batches, not all at once")
        XCTAssertEqual(last?.row, 10_001)
        XCTAssertEqual(try last?.phone.get().key, "+8613900009999")
        XCTAssertEqual(last?.renewalDate?.isoString, "2026-12-04")
    }

    /// A one-column list of mobile numbers 13900000000, 13900000001 … written by our own writer.
    private func phoneWorkbook(rows: Int) throws -> URL {
        let url = temporaryFile("xlsx")
        let writer = try XLSXWriter(url: url)
        try writer.addSheet(named: "名单")
        try writer.appendHeader(["手机"])
        for index in 0..<rows { try writer.appendRow([.text("1390000\(String(format: "%04d", index))")]) }
        try writer.finish()
        return url
    }

    func testTruncatedAndCorruptedWorkbooksAreRefused() throws {
        let url = try phoneWorkbook(rows: 5_000)
        let bytes = try Data(contentsOf: url)

        let truncated = temporaryFile("xlsx")
        try bytes.prefix(bytes.count / 2).write(to: truncated)
        XCTAssertThrowsError(try LeadFileReader(url: truncated, options: LeadFileOptions(asOf: asOf))) { error in
            guard case .damaged = error as? XLSXReadError else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("damaged or incomplete"), "\(error)")
        }

        // Flip bytes in the middle of the compressed sheet: the CRC check catches it.
        var corrupted = bytes
        let middle = corrupted.count / 3
        for offset in 0..<64 { corrupted[middle + offset] ^= 0x5A }
        let broken = temporaryFile("xlsx")
        try corrupted.write(to: broken)
        XCTAssertThrowsError(try {
            let reader = try LeadFileReader(url: broken, options: LeadFileOptions(asOf: asOf))
            while try reader.nextRows() != nil {}
        }()) { error in
            XCTAssertTrue(error is XLSXReadError, "\(error)")
        }
    }

    /// A sheet stored without compression has no deflate stream to break: a changed digit
    /// is found by the checksum alone, and the import refuses the file instead of a wrong number.
    func testASheetThatDoesNotMatchItsChecksumIsRefused() throws {
        let written = try phoneWorkbook(rows: 100)
        let stored = temporaryFile("xlsx")
        let source = try Archive(url: written, accessMode: .read)
        let target = try Archive(url: stored, accessMode: .create)
        for entry in source {
            var contents = Data()
            _ = try source.extract(entry) { contents.append($0) }
            try target.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(contents.count), compressionMethod: .none) { position, size in
                contents.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        var bytes = try Data(contentsOf: stored)
        let number = Data("13900000042".utf8)
        let found = try XCTUnwrap(bytes.range(of: number))
        bytes[found.upperBound - 1] = UInt8(ascii: "3")
        try bytes.write(to: stored)

        XCTAssertThrowsError(try {
            let reader = try LeadFileReader(url: stored, options: LeadFileOptions(asOf: asOf))
            while try reader.nextRows() != nil {}
        }()) { error in
            XCTAssertEqual(error as? XLSXReadError, .damaged("xl/worksheets/sheet1.xml does not match its checksum"))
        }
    }

    func testZipThatIsNotAWorkbook() throws {
        let url = temporaryFile("xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        let text = Data("联系电话\n13800138000\n".utf8)
        try archive.addEntry(with: "list.csv", type: .file, uncompressedSize: Int64(text.count)) { position, size in
            text.subdata(in: Int(position)..<Int(position) + size)
        }
        XCTAssertThrowsError(try LeadFileReader(url: url, options: LeadFileOptions(asOf: asOf))) { error in
            XCTAssertEqual(error as? XLSXReadError, .notAWorkbook)
        }
    }

    func testFormatIsToldFromContentNotName() throws {
        XCTAssertEqual(try LeadFileFormat.detect(prefix: Array("联系电话,姓名\n".utf8)), .csv)
        XCTAssertEqual(try LeadFileFormat.detect(prefix: [0x50, 0x4B, 0x03, 0x04, 0x14]), .xlsx)
        XCTAssertThrowsError(try LeadFileFormat.detect(prefix: [])) { XCTAssertEqual($0 as? LeadFileError, .empty) }
        XCTAssertThrowsError(try LeadFileFormat.detect(prefix: Array("%PDF-1.7\n".utf8))) { error in
            XCTAssertTrue("\(error)".contains("PDF"), "\(error)")
        }
        XCTAssertThrowsError(try LeadFileFormat.detect(prefix: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0])) {
            XCTAssertEqual($0 as? LeadFileError, .legacyExcel)
        }
        // A CSV renamed .xlsx is still read as CSV.
        let csv = temporaryFile("xlsx")
        try Data("联系电话,姓名\n13800138000,张三\n".utf8).write(to: csv)
        let reader = try LeadFileReader(url: csv, options: LeadFileOptions(asOf: asOf))
        XCTAssertEqual(reader.format, .csv)
        XCTAssertEqual(try reader.nextRows()?.first?.name, "张三")
        XCTAssertNil(try reader.nextRows())
    }

    func testXMLTextDecodesEntitiesAndOfficeEscapes() {
        XCTAssertEqual(XMLText.decode(ArraySlice("a &amp; b &lt;c&gt; &#20013;&#x6587; &quot;&apos;".utf8)), "a & b <c> 中文 \"'")
        XCTAssertEqual(XMLText.decode(ArraySlice("line_x000D_break _x_ keep_this".utf8)), "line\rbreak _x_ keep_this")
        XCTAssertEqual(XMLText.decode(ArraySlice("&unknown; stays".utf8)), "&unknown; stays")
    }
}
