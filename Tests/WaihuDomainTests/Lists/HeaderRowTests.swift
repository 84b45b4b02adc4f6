import XCTest
@testable import WaihuDomain

/// 表头行: the headers below an instruction block, a title or an export's account lines are
/// found; a row the user names is taken; a list without known headers is refused naming the
/// row and its headers short, not a paragraph of instructions.
final class HeaderRowTests: XCTestCase {
    private let asOf = CalendarDay(year: 2026, month: 3, day: 1)!

    private func read(_ csv: String, headerRow: Int? = nil, overrides: [ColumnOverride] = [],
                      chunkSize: Int = 65_536) throws -> (reader: LeadListReader, rows: [LeadRow]) {
        var reader = try LeadListReader(asOf: asOf, overrides: overrides, headerRow: headerRow)
        let rows = try reader.readAll(Array(csv.utf8), chunkSize: chunkSize)
        return (reader, rows)
    }

    /// A template with an instruction block (a quoted multi-line cell, as a merged cell saves)
    /// and a title above the headers.
    private let template = """
    "导入说明：
    1. 联系电话为必填项
    2. 日期写作 2026-03-01",,,
    2026年3月续保名单,,,
    ,,,
    客户姓名,联系电话,车牌号码,保险到期日
    张三,13800138000,沪a-12345,2026-12-05
    李四,021-62345678,,
    王五,12345,,

    """

    func testHeadersBelowAnInstructionBlockAndATitleAreFound() throws {
        for size in [3, 17, 65_536] {
            let (reader, rows) = try read(template, chunkSize: size)
            // The instruction block is one record, row 1, as in the spreadsheet.
            XCTAssertEqual(reader.headerRow, 4, "chunks of \(size)")
            XCTAssertEqual(rows.map(\.row), [5, 6, 7])
            XCTAssertEqual(rows[0].name, "张三")
            XCTAssertEqual(try rows[0].phone.get().key, "+8613800138000")
            XCTAssertEqual(rows[0].renewalDate?.isoString, "2026-12-05")
            XCTAssertThrowsError(try rows[2].phone.get())
        }
    }

    func testAPaymentAppsPreambleLinesAreSkipped() throws {
        let csv = "微信支付账单明细,,\n微信昵称：[客服],,\n起始时间：[2026-03-01 00:00:00] 终止时间：[2026-03-31 23:59:59],,\n"
            + "----------------------微信支付账单明细列表--------------------,,\n交易时间,交易对方,对方电话\n"
            + "2026-03-02 10:00:00,张三,13800138000\n"
        let (reader, rows) = try read(csv, overrides: [try ColumnOverride(parsing: "对方电话=phone")])
        XCTAssertEqual(reader.headerRow, 5)
        XCTAssertEqual(rows.map(\.row), [6])
        XCTAssertEqual(try rows[0].phone.get().key, "+8613800138000")
    }

    func testRowOneStaysTheHeaderOfAnOrdinaryList() throws {
        let (reader, rows) = try read("姓名,手机\n张三,13800138000\n")
        XCTAssertEqual(reader.headerRow, 1)
        XCTAssertEqual(rows.map(\.row), [2])
    }

    func testANamedHeaderRowIsTakenAndTheRowsAboveItAreNotCounted() throws {
        let (reader, rows) = try read(template, headerRow: 4)
        XCTAssertEqual(reader.headerRow, 4)
        XCTAssertEqual(rows.map(\.row), [5, 6, 7])
        // A named row wins over the rule: row 2 (the title) has no phone column.
        XCTAssertThrowsError(try read(template, headerRow: 2)) { error in
            XCTAssertEqual(error as? ColumnMappingError, .noPhoneColumn(headers: ["2026年3月续保名单", "", "", ""], row: 2))
            XCTAssertTrue("\(error)".contains("row 2"), "\(error)")
        }
        XCTAssertThrowsError(try read(template, headerRow: 3)) { XCTAssertEqual($0 as? HeaderRowError, .blank(row: 3)) }
        XCTAssertThrowsError(try read(template, headerRow: 40)) { XCTAssertEqual($0 as? HeaderRowError, .beyondEnd(row: 40, lastRow: 7)) }
    }

    func testWithoutKnownHeadersTheRefusalNamesTheRowAndShortHeaders() throws {
        let csv = "\"导入说明：请按模板填写，每行一个客户，手机号必须为11位，不要合并单元格\n第二行说明\",\n客户,地址\n张三,上海\n"
        XCTAssertThrowsError(try read(csv)) { error in
            // 客户 is a known name column: row 2 is the header, and it has no phone column.
            XCTAssertEqual(error as? ColumnMappingError, .noPhoneColumn(headers: ["客户", "地址"], row: 2))
        }
        XCTAssertThrowsError(try read("\"导入说明：请按模板填写，每行一个客户，手机号必须为11位\n第二行说明\",备注\nx,y\n")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("row 1: 导入说明：请按模板填写，每行一个客户，手机号必须…, 备注"), message)
            XCTAssertFalse(message.contains("第二行说明"), message)
            XCTAssertTrue(message.contains("--header-row"), message)
        }
    }

    func testAListStartingBelowTheSearchedRowsTakesItsFirstRow() throws {
        let csv = String(repeating: "\n", count: 24) + "姓名,电话\n张三,13800138000\n"
        let (reader, rows) = try read(csv)
        XCTAssertEqual(reader.headerRow, 25)
        XCTAssertEqual(rows.map(\.row), [26])
    }

    func testRowsAfterAFallbackHeaderAreData() throws {
        // No row names a phone column; 姓名 in row 2 is the best header there is.
        var csv = "名单,\n姓名,备用\n"
        for index in 0..<25 { csv += "客户\(index),x\n" }
        XCTAssertThrowsError(try read(csv)) { error in
            XCTAssertEqual(error as? ColumnMappingError, .noPhoneColumn(headers: ["姓名", "备用"], row: 2))
        }
        // Mapped by the user, the same list reads with every row below the header.
        let (reader, rows) = try read(csv, overrides: [try ColumnOverride(parsing: "备用=phone")])
        XCTAssertEqual(reader.headerRow, 2)
        XCTAssertEqual(rows.count, 25)
        XCTAssertEqual(rows.first?.row, 3)
    }

    func testTheRuleCountsKnownNamesAndMappings() {
        XCTAssertEqual(HeaderRowRule.match(["客户姓名", "联系电话（必填）", "备注"]), .init(knownColumns: 2, hasPhone: true))
        XCTAssertEqual(HeaderRowRule.match(["2026年3月续保名单"]), .init(knownColumns: 0, hasPhone: false))
        XCTAssertEqual(HeaderRowRule.match(["导入说明：联系电话必填"]), .init(knownColumns: 0, hasPhone: false))
        let mapped = [ColumnOverride(header: "客户号码", target: .field(.phone))]
        XCTAssertEqual(HeaderRowRule.match(["客户号码", "地址"], overrides: mapped), .init(knownColumns: 1, hasPhone: true))
    }
}
