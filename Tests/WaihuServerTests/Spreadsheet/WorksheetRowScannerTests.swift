import Foundation
import WaihuDomain
import XCTest
@testable import WaihuServer

/// The worksheet scanner reads what Excel, LibreOffice, WPS and export tools write, whatever
/// the chunk boundaries: a tag, an entity or a CDATA section cut anywhere gives the same rows.
final class WorksheetRowScannerTests: XCTestCase {
    /// One sheet with the forms writers use: prefixes, single quotes, a `>` inside a value,
    /// comments, CDATA, entities, `_x000D_`, rich text with a phonetic guide, formulas,
    /// booleans, errors, E-notation, date styles, gaps, rows and cells without `r`.
    private let sheet = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <!DOCTYPE worksheet>
    <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
    <x:sheetData>
    <x:row r="1" spans="1:5"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t='s'><x:v> 1 </x:v></x:c>\
    <x:c r="C1" t="inlineStr"><x:is><x:t xml:space="preserve">备注 &amp; 说明</x:t></x:is></x:c></x:row>
    <!-- a comment with <c> in it -->
    <x:row r="3"><x:c r="A3" t="inlineStr" data-note="a > b"><x:is><x:r><x:t>张</x:t></x:r><x:r><x:t>三</x:t></x:r>\
    <x:rPh sb="0" eb="1"><x:t>ZHANG</x:t></x:rPh></x:is></x:c><x:c r="B3"><x:v>13800138000</x:v></x:c>\
    <x:c r="D3" s="1"><x:v>46361</x:v></x:c><x:c r="E3" t="str"><x:f>A1&amp;"x"</x:f><x:v><![CDATA[a<b&c]]></x:v></x:c></x:row>
    <x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c><x:v>1.3800138E10</x:v></x:c>\
    <x:c s="1"/><x:c t="inlineStr"><x:is><x:t>第一行_x000D_&#x4E8C;</x:t></x:is></x:c></x:row>
    <x:row r="7"/>
    <x:row r="8"><x:c r="AA8"><x:v>0.5</x:v></x:c><x:c r="B8" s="1"><x:v>45000.75</x:v></x:c><x:c r="C8"><x:v>007</x:v></x:c></x:row>
    </x:sheetData>
    </x:worksheet>

    """

    private func scanner() -> WorksheetRowScanner {
        var scanner = WorksheetRowScanner()
        scanner.cells.sharedStrings = ["客户姓名", "联系电话"]
        scanner.cells.dateStyles = [false, true]
        return scanner
    }

    private func rows(in xml: String, chunkSize: Int) throws -> (rows: [XLSXRow], complete: Bool) {
        var scanner = scanner()
        var rows: [XLSXRow] = []
        let bytes = Array(xml.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunkSize)
            scanner.append(Data(bytes[offset..<end]))
            try scanner.scan(into: &rows)
            offset = end
        }
        return (rows, scanner.remainderIsBlank && !scanner.isInsideRow)
    }

    func testEveryFormGivesTheTextAUserSees() throws {
        let (rows, complete) = try rows(in: sheet, chunkSize: 1 << 20)
        XCTAssertTrue(complete)
        XCTAssertEqual(rows.map(\.number), [1, 3, 4, 7, 8])
        XCTAssertEqual(rows[0].cells, ["客户姓名", "联系电话", "备注 & 说明"])
        XCTAssertEqual(rows[1].cells, ["张三", "13800138000", "", "2026-12-05", "a<b&c"])
        XCTAssertEqual(rows[2].cells, ["TRUE", "#N/A", "13800138000", "", "第一行\r二"])
        XCTAssertEqual(rows[3].cells, [])
        XCTAssertEqual(rows[4].cells.count, 27)
        XCTAssertEqual(rows[4].cells[26], "0.5")
        XCTAssertEqual(Array(rows[4].cells[1...2]), ["2023-03-15", "7"])
    }

    func testChunksCutAnywhereGiveTheSameRows() throws {
        let whole = try rows(in: sheet, chunkSize: 1 << 20).rows
        for size in 1...23 {
            let (rows, complete) = try rows(in: sheet, chunkSize: size)
            XCTAssertEqual(rows, whole, "chunks of \(size) bytes")
            XCTAssertTrue(complete, "chunks of \(size) bytes")
        }
    }

    func testASheetCutShortIsNotComplete() throws {
        let cut = String(sheet.prefix(while: { $0 != "7" }))
        let (rows, complete) = try rows(in: cut, chunkSize: 64)
        XCTAssertEqual(rows.map(\.number), [1, 3, 4])
        XCTAssertFalse(complete)
    }

    func testAMissingSharedStringIsNamedWithItsRow() {
        let xml = #"<worksheet><sheetData><row r="12"><c r="A12" t="s"><v>9</v></c></row></sheetData></worksheet>"#
        XCTAssertThrowsError(try rows(in: xml, chunkSize: 7)) { error in
            XCTAssertEqual(error as? XLSXReadError, .malformedXML("row 12 refers to shared string 9, which does not exist"))
        }
    }

    func testMalformedTagsAreRefused() {
        for xml in [#"<sheetData><row r=2></row></sheetData>"#, #"<sheetData><row r></row></sheetData>"#, "<sheetData>< ></sheetData>"] {
            XCTAssertThrowsError(try rows(in: xml, chunkSize: 5), xml) { error in
                guard case .malformedXML = error as? XLSXReadError else { return XCTFail("\(xml): \(error)") }
            }
        }
    }
}
