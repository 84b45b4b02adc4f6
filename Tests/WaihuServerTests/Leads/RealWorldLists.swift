import Foundation
import XCTest

/// The five kinds of list of issue 26, made by the tests (openpyxl, or XML parts written here):
/// shared by the command-line, API and page tests.
enum RealWorldLists {
    static func file(_ suffix: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("real-world-\(UUID().uuidString).\(suffix)")
    }

    /// A renewal template from a Chinese insurer's branch: a merged instruction block (row 1)
    /// and a merged title (row 2) above the headers in row 3; three customers, one bad phone.
    static func preambleWorkbook() throws -> URL {
        let url = file("xlsx")
        _ = try Python.run("""
        import sys, datetime, openpyxl
        from openpyxl.styles import Alignment
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "续保名单"
        ws["A1"] = "导入说明：\\n1. 联系电话为必填项，手机号11位\\n2. 日期格式 2026-03-01\\n3. 请勿修改表头"
        ws["A1"].alignment = Alignment(wrap_text=True)
        ws.merge_cells("A1:D1")
        ws["A2"] = "2026年3月续保名单"
        ws.merge_cells("A2:D2")
        ws.append(["客户姓名", "联系电话", "车牌号码", "保险到期日"])
        ws.append(["张三", 13800138000, "沪a-12345", datetime.datetime(2026, 12, 5)])
        ws["D4"].number_format = "yyyy-mm-dd"
        ws.append(["李四", "021-62345678", "京B·8888", "2026/5/20"])
        ws.append(["王五", "12345", None, None])
        wb.save(sys.argv[1])
        """, arguments: [url.path])
        return url
    }

    /// A list whose first tab is a chart sheet (Chart1), the list on the second (`sheet`,
    /// under `headers`: name, phone, premium), as openpyxl writes it.
    static func chartFirstWorkbook(sheet: String = "名单", headers: [String] = ["姓名", "手机号", "保费"]) throws -> URL {
        let url = file("xlsx")
        let headerList = headers.map { "\"\($0)\"" }.joined(separator: ", ")
        _ = try Python.run("""
        import sys, openpyxl
        from openpyxl.chart import BarChart, Reference
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "\(sheet)"
        ws.append([\(headerList)])
        ws.append(["张三", "13800138000", 3200])
        ws.append(["李四", "13900139000", 4100])
        chart = BarChart()
        chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=3), titles_from_data=True)
        wb.create_chartsheet("Chart1", 0).add_chart(chart)
        wb.save(sys.argv[1])
        """, arguments: [url.path])
        return url
    }

    /// A workbook whose `xl/_rels/workbook.xml.rels` is garbled (fails its checksum); its sheet is intact.
    static func damagedWorkbook() throws -> URL {
        let url = file("xlsx")
        let rows = WorkbookParts.row(1, ["姓名", "手机"]) + WorkbookParts.row(2, ["张三", "13800138000"])
        try WorkbookParts(sheets: [.init(name: "名单", rows: rows)]).write(to: url, stored: true)
        var bytes = try Data(contentsOf: url)
        let found = try XCTUnwrap(bytes.range(of: Data(#"Target="worksheets/sheet1.xml""#.utf8)))
        for offset in found { bytes[offset] ^= 0x5A }
        try bytes.write(to: url)
        return url
    }

    /// An order export: every value quoted and followed by a tab (so Excel keeps long numbers
    /// as text), CRLF; one phone Excel already turned into 3.60723E+18.
    static let lenientCSV = "\"订单号\"\t,\"客户姓名\"\t,\"手机号码\"\t\r\n"
        + "\"3985734202603010001\"\t,\"张三\"\t,\"13800138000\"\t\r\n"
        + "\"3985734202603010002\"\t,\"李四\"\t,\"3.60723E+18\"\t\r\n"

    /// Text after a closing quote in row 3: still refused, with the row.
    static let brokenQuoteCSV = "姓名,手机\n张三,13800138000\n\"李四\"x,13900139000\n"

    /// A CSV with a title line and a blank line above the headers.
    static let preambleCSV = "客户回访名单（3月）,,\n,,\n姓名,手机,备注\n赵六,13700137000,老客户\n钱七,13600136000,\n"
}
