import XCTest
@testable import WaihuDomain

final class LeadListReaderTests: XCTestCase {
    private let asOf = CalendarDay(year: 2026, month: 3, day: 1)!

    private func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay {
        CalendarDay(year: year, month: month, day: day)!
    }

    private func readAll(_ bytes: [UInt8], chunkSize: Int = 65_536, overrides: [ColumnOverride] = [],
                         encoding: TextEncoding? = nil) throws -> (LeadListReader, [LeadRow]) {
        var reader = try LeadListReader(asOf: asOf, overrides: overrides, encoding: encoding)
        let rows = try reader.readAll(bytes, chunkSize: chunkSize)
        return (reader, rows)
    }

    func testRowsAreReadWithTheirSpreadsheetRowNumbers() throws {
        let csv = """
        姓名,联系电话,车牌号码,厂牌车型,保险到期日,初登日期,上年承保公司
        张三,138 0013 8000,沪a-12345,大众朗逸,2026/5/20,2019-06-15,平安

        李四,1381234,粤B·D12345,比亚迪秦,,2020年2月29日,
        王五,021-62345678转801,,,2026-02-30,,人保
        \u{3000}赵六\u{3000},13900000001
        """
        let (reader, rows) = try readAll(Array(csv.utf8), chunkSize: 7)
        XCTAssertEqual(reader.mapping?.fields.last, .extra("上年承保公司"))
        XCTAssertEqual(reader.encoding, .utf8)
        XCTAssertEqual(rows.map(\.row), [2, 4, 5, 6])

        XCTAssertEqual(rows[0], LeadRow(
            row: 2, rawPhone: "138 0013 8000", phone: PhoneNumber.parse("13800138000"), name: "张三",
            plate: LicensePlate("沪A12345"), carModel: "大众朗逸", expiryDate: date(2026, 5, 20),
            firstRegistrationDate: date(2019, 6, 15), renewalDate: date(2026, 5, 20),
            extras: [LeadExtraField(name: "上年承保公司", value: "平安")]))

        XCTAssertEqual(rows[1].phone, .failure(.notAPhoneNumber))
        XCTAssertEqual(rows[1].rawPhone, "1381234")
        XCTAssertEqual(rows[1].plate?.value, "粤BD12345")
        XCTAssertEqual(rows[1].renewalDate, date(2026, 3, 1), "29 February → 1 March in 2026")
        XCTAssertEqual(rows[1].extras, [])

        XCTAssertEqual(try rows[2].phone.get().extensionNumber, "801")
        XCTAssertNil(rows[2].expiryDate, "2026-02-30 counts as missing")
        XCTAssertNil(rows[2].renewalDate)

        XCTAssertEqual(rows[3].name, "赵六")
        XCTAssertNil(rows[3].plate, "a short row reads as empty cells")
    }

    func testCompulsoryExpiryIsUsedWhenThereIsNoOtherExpiry() throws {
        let csv = "手机号,交强险到期日,商业险到期日\n13800138000,2026-04-01,\n13900139000,2026-04-01,2026-05-01\n"
        let (_, rows) = try readAll(Array(csv.utf8))
        XCTAssertEqual(rows.map(\.renewalDate), [date(2026, 4, 1), date(2026, 5, 1)])
    }

    func testGBKFileWithOverride() throws {
        // "客户,手机\r\n张三,13800138000\r\n" in GBK.
        let gbk: [UInt8] = [
            0xBF, 0xCD, 0xBB, 0xA7, 0x2C, 0xCA, 0xD6, 0xBB, 0xFA, 0x0D, 0x0A,
            0xD5, 0xC5, 0xC8, 0xFD, 0x2C, 0x31, 0x33, 0x38, 0x30, 0x30, 0x31, 0x33, 0x38, 0x30, 0x30, 0x30, 0x0D, 0x0A,
        ]
        let (reader, rows) = try readAll(gbk, chunkSize: 3, overrides: [ColumnOverride(parsing: "客户=extra")])
        XCTAssertEqual(reader.encoding, .gb18030)
        XCTAssertEqual(reader.mapping?.fields, [.extra("客户"), .phone])
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0].extras, [LeadExtraField(name: "客户", value: "张三")])
        XCTAssertEqual(try rows[0].phone.get().key, "+8613800138000")
    }

    func testEmptyFileAndMissingPhoneColumn() {
        XCTAssertThrowsError(try readAll(Array("\n\n".utf8))) { error in
            XCTAssertEqual(error as? ColumnMappingError, .noHeaderRow)
        }
        XCTAssertThrowsError(try readAll(Array("姓名,地址\n张三,上海\n".utf8))) { error in
            XCTAssertEqual(error as? ColumnMappingError, .noPhoneColumn(headers: ["姓名", "地址"]))
        }
    }

    func testBrokenQuoteStopsTheImportWithTheRow() {
        XCTAssertThrowsError(try readAll(Array("姓名,电话\n张三,13800138000\n\"李四\"x,13900139000\n".utf8))) { error in
            XCTAssertEqual(error as? CSVError, .brokenQuote(row: 3, line: 3))
        }
    }

    func testEndToEndReportForAFileRead() throws {
        var csv = "姓名,手机号码\n"
        for index in 0..<20_000 {
            // Every tenth row repeats an earlier number; every 97th is too short.
            let number = index % 10 == 9 ? 13_000_000_000 + index - 1 : 13_000_000_000 + index
            csv += "客户\(index),\(index % 97 == 0 ? "1300" : String(number))\n"
        }
        let (_, rows) = try readAll(Array(csv.utf8), chunkSize: 4096)
        var classifier = LeadRowClassifier()
        var report = ImportReport()
        let lookup = PhoneKeySets(doNotCall: ["+8613000000001"])
        for row in rows {
            report.record(row: row.row, outcome: classifier.classify(row, lookup: lookup), rawPhone: row.rawPhone)
        }
        // Invalid: index 0, 97, …, 19982 (207 rows). Index 1 is on the do-not-call list.
        // The 2,000 indexes ending in 9 repeat the number before them, except that 20 of them are
        // invalid themselves (97k ending in 9: k = 7, 17, …, 197) and 21 repeat an invalid row, so
        // they are the first occurrence (97k ending in 8: k = 4, 14, …, 204).
        XCTAssertEqual(report.rows, 20_000)
        XCTAssertEqual(report.invalidPhone, 207)
        XCTAssertEqual(report.doNotCall, 1)
        XCTAssertEqual(report.duplicate, 1_959)
        XCTAssertEqual(report.imported, 17_833)
        XCTAssertEqual(report.rejects.first, ImportReport.Reject(row: 2, reason: .invalidPhone, value: "1300"))
    }

    func testVehicleIdentifiersAndCellsBeyondTheHeader() throws {
        let csv = "电话,车架号,发动机号,\n13800138000, lsvaa4180e2123456 ,EA211 123,见备注,多余\n"
        let (reader, rows) = try readAll(Array(csv.utf8))
        XCTAssertEqual(reader.mapping?.fields, [.phone, .vin, .engineNumber, .extra("第4列")])
        XCTAssertEqual(rows[0].vin, "LSVAA4180E2123456")
        XCTAssertEqual(rows[0].engineNumber, "EA211 123")
        XCTAssertEqual(rows[0].extras, [LeadExtraField(name: "第4列", value: "见备注"), LeadExtraField(name: "第5列", value: "多余")])
    }

    func testRowParserReadsSerialsInTheWorkbooksDateSystem() throws {
        let mapping = try ColumnMapping(headers: ["手机", "保险到期日"])
        let cells = ["13800138000", "44624"]
        XCTAssertEqual(LeadRowParser(mapping: mapping, asOf: asOf).parse(cells: cells, row: 2).renewalDate, date(2022, 3, 4))
        XCTAssertEqual(LeadRowParser(mapping: mapping, asOf: asOf, dateSystem: .from1904).parse(cells: cells, row: 2).renewalDate,
                       date(2026, 3, 5))
    }
}
