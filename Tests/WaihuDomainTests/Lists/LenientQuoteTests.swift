import XCTest
@testable import WaihuDomain

/// Chinese exports write `"3985734"<TAB>,"…"`: blanks after a closing quote are dropped;
/// text after a closing quote is still a broken quote with its row; a number Excel already
/// turned into `3.60723E+18` is rejected with a note, never read as another number.
final class LenientQuoteTests: XCTestCase {
    private func records(_ text: String, chunkSize: Int, delimiter: Character = ",") throws -> [[String]] {
        var reader = CSVReader(delimiter: delimiter.asciiValue!)
        return try reader.readAll(Array(text.utf8), chunkSize: chunkSize).map(\.fields)
    }

    func testBlanksAfterAClosingQuoteAreDropped() throws {
        let text = "\"订单号\"\t,\"手机\"  ,备注\r\n\"3985734\"\t,\"13800138000\"\t \t,\"a,b\"\t\r\n\"x\" \n\"end\"\t"
        for size in 1...9 {
            XCTAssertEqual(try records(text, chunkSize: size),
                           [["订单号", "手机", "备注"], ["3985734", "13800138000", "a,b"], ["x"], ["end"]], "chunks of \(size)")
        }
        // With a tab as the delimiter, a tab after the quote is the next cell.
        XCTAssertEqual(try records("\"a\"\t\"b\" \n", chunkSize: 4, delimiter: "\t"), [["a", "b"]])
    }

    func testTextAfterTheBlanksIsStillABrokenQuote() {
        XCTAssertThrowsError(try records("h1,h2\nok,ok\n\"abc\"\tx,1\n", chunkSize: 5)) { error in
            XCTAssertEqual(error as? CSVError, .brokenQuote(row: 3, line: 3))
            XCTAssertTrue("\(error)".contains("row 3"), "\(error)")
        }
        XCTAssertThrowsError(try records("h\n\"a\" \"b\"\n", chunkSize: 64)) { error in
            XCTAssertEqual(error as? CSVError, .brokenQuote(row: 2, line: 2))
        }
    }

    func testANumberInScientificNotationIsRejectedWithANote() throws {
        let csv = "\"姓名\"\t,\"手机\"\t\n\"张三\"\t,\"3.60723E+18\"\t\n李四,1.38001E+10\n王五,13800138000\n"
        var reader = try LeadListReader(asOf: CalendarDay(year: 2026, month: 3, day: 1)!)
        let rows = try reader.feed(Array(csv.utf8)) + reader.finish()
        XCTAssertEqual(rows.map(\.row), [2, 3, 4])
        XCTAssertThrowsError(try rows[0].phone.get())
        XCTAssertThrowsError(try rows[1].phone.get())
        XCTAssertEqual(try rows[2].phone.get().key, "+8613800138000")

        var report = ImportReport()
        for row in rows {
            let outcome: ImportRowOutcome = (try? row.phone.get()).map { .imported($0) } ?? .rejected(.invalidPhone)
            report.record(row: row.row, outcome: outcome, rawPhone: row.rawPhone)
        }
        XCTAssertEqual(report.invalidPhone, 2)
        XCTAssertEqual(report.rejects.map(\.note), [ExcelScientificNotation.note, ExcelScientificNotation.note])
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        XCTAssertTrue(json.contains("scientific notation"), json)
    }

    func testScientificNotationIsToldFromPhoneSpellings() {
        for cell in ["3.60723E+18", "1.38001E+10", " 1.38E10 ", "4.6e-05", "1E+11"] {
            XCTAssertTrue(ExcelScientificNotation.matches(cell), cell)
        }
        for cell in ["13800138000", "021-62345678 ext801", "E+18", "3.6E", "3.6E+", "1.2.3E+4", "13800138000e", "x1E5", "分机ext801"] {
            XCTAssertFalse(ExcelScientificNotation.matches(cell), cell)
        }
    }
}
