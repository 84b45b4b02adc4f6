import XCTest
@testable import WaihuDomain

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String, chunkSize: Int? = nil, delimiter: Character = ",") throws -> [CSVRecord] {
        try read(Array(text.utf8), chunkSize: chunkSize, delimiter: delimiter)
    }

    private func read(_ bytes: [UInt8], chunkSize: Int? = nil, delimiter: Character = ",", maxRecordBytes: Int = 1 << 20) throws -> [CSVRecord] {
        var reader = CSVReader(delimiter: delimiter.asciiValue!, maxRecordBytes: maxRecordBytes)
        return try reader.readAll(bytes, chunkSize: chunkSize ?? max(bytes.count, 1))
    }

    func testPlainRecordsWithLFAndCRLFAndCR() throws {
        for text in ["a,b\nc,d\n", "a,b\r\nc,d\r\n", "a,b\rc,d\r", "a,b\nc,d"] {
            let records = try read(text)
            XCTAssertEqual(records.map(\.fields), [["a", "b"], ["c", "d"]], text.debugDescription)
            XCTAssertEqual(records.map(\.row), [1, 2])
            XCTAssertEqual(records.map(\.line), [1, 2])
        }
    }

    func testQuotedCellsWithDelimitersDoubledQuotesAndLineBreaks() throws {
        let text = "name,note\r\n\"张,三\",\"他说\"\"好\"\"\"\r\n\"李四\",\"第一行\r\n第二行\nthird\"\r\n王五,\"\"\r\n"
        let records = try read(text)
        XCTAssertEqual(records.map(\.fields), [
            ["name", "note"],
            ["张,三", "他说\"好\""],
            ["李四", "第一行\r\n第二行\nthird"],
            ["王五", ""],
        ])
        XCTAssertEqual(records.map(\.row), [1, 2, 3, 4])
        XCTAssertEqual(records.map(\.line), [1, 2, 3, 6])
    }

    func testEmptyCellsAndTrailingDelimiter() throws {
        XCTAssertEqual(try read("a,,b,\n,\n\n").map(\.fields), [["a", "", "b", ""], ["", ""], [""]])
        XCTAssertEqual(try read("a,b,").map(\.fields), [["a", "b", ""]])
        XCTAssertEqual(try read("").map(\.fields), [])
    }

    func testBlankRecords() throws {
        let records = try read("a\n\n , \u{3000}\nb\n")
        XCTAssertEqual(records.map(\.isBlank), [false, true, true, false])
        XCTAssertEqual(records.map(\.row), [1, 2, 3, 4])
    }

    func testQuoteInsideAnUnquotedCellIsACharacter() throws {
        XCTAssertEqual(try read("5\" screen,x\n").map(\.fields), [["5\" screen", "x"]])
    }

    func testByteOrderMarkIsDropped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("姓名,电话\n".utf8)
        XCTAssertEqual(try read(bytes).first?.fields, ["姓名", "电话"])
        XCTAssertEqual(try read(bytes, chunkSize: 1).first?.fields, ["姓名", "电话"])
        XCTAssertEqual(try read(bytes, chunkSize: 2).first?.fields, ["姓名", "电话"])
    }

    func testBytesThatOnlyStartLikeAByteOrderMarkAreData() throws {
        // U+FEFF inside the text is not at the start; 0xEF 0xBC 0x8C is a full-width comma.
        let bytes: [UInt8] = [0xEF, 0xBC, 0x8C] + Array("a,b\n".utf8)
        XCTAssertEqual(try read(bytes, chunkSize: 1).first?.fields, ["，a", "b"])
        XCTAssertEqual(try read([0xEF, 0xBB]).first?.fields, [String(decoding: [0xEF, 0xBB], as: UTF8.self)])
    }

    func testAnyChunkingGivesTheSameRecords() throws {
        let text = "姓名,联系电话,备注\r\n\"张三\",138 0013 8000,\"a \"\"quoted\"\"\r\nnote\"\r\n李四,021-62345678转801,\r\n\r\n王五,,末尾"
        let whole = try read(text)
        XCTAssertEqual(whole.count, 5)
        for size in [1, 2, 3, 5, 7, 64] {
            XCTAssertEqual(try read(text, chunkSize: size), whole, "chunks of \(size)")
        }
    }

    func testOtherDelimiter() throws {
        XCTAssertEqual(try read("a\tb,c\n", delimiter: "\t").map(\.fields), [["a", "b,c"]])
    }

    func testTextAfterAClosingQuoteIsABrokenQuote() {
        XCTAssertThrowsError(try read("h1,h2\nok,ok\n\"abc\"x,1\n")) { error in
            XCTAssertEqual(error as? CSVError, .brokenQuote(row: 3, line: 3))
            XCTAssertTrue((error as? CSVError)?.message.contains("row 3") ?? false)
        }
        // The quote opened in row 2 runs over a line break and closes in the middle of row 3's text.
        XCTAssertThrowsError(try read("h1,h2\n\"abc,1\nde\"f,2\n")) { error in
            XCTAssertEqual(error as? CSVError, .brokenQuote(row: 2, line: 3))
        }
    }

    func testAQuoteNeverClosedIsReportedWithTheRowWhereItOpened() {
        XCTAssertThrowsError(try read("h1,h2\nok,ok\nx,\"never closed\nmore,rows\n", chunkSize: 4)) { error in
            XCTAssertEqual(error as? CSVError, .unclosedQuote(row: 3, line: 3))
            XCTAssertEqual((error as? CSVError)?.message, "broken quote in row 3: the quote opened on line 3 is never closed")
        }
    }

    func testARecordLargerThanTheLimitStopsTheReader() {
        let bytes = Array("h\n\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 100)
        XCTAssertThrowsError(try read(bytes, chunkSize: 10, maxRecordBytes: 50)) { error in
            XCTAssertEqual(error as? CSVError, .recordTooLong(row: 2, line: 2, limit: 50))
        }
    }

    func testALineOfDelimitersAlsoCountsAgainstTheLimit() {
        let bytes = Array("h\n".utf8) + [UInt8](repeating: UInt8(ascii: ","), count: 100) + [UInt8(ascii: "\n")]
        XCTAssertThrowsError(try read(bytes, maxRecordBytes: 50)) { error in
            XCTAssertEqual(error as? CSVError, .recordTooLong(row: 2, line: 2, limit: 50))
        }
        XCTAssertEqual(try read(bytes, maxRecordBytes: 101).last?.fields.count, 101)
    }
}
