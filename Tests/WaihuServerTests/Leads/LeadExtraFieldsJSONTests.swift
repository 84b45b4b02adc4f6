import Foundation
import WaihuDomain
import XCTest
@testable import WaihuServer

/// The importer writes `leads.extras` by hand; `JSONDecoder` must read back exactly
/// what was written, whatever the cells hold.
final class LeadExtraFieldsJSONTests: XCTestCase {
    func testExtraFieldsReadBackAsWritten() throws {
        let cases: [[LeadExtraField]] = [
            [],
            [LeadExtraField(name: "上年承保公司", value: "平安")],
            [LeadExtraField(name: "备注", value: #"公司电话,找"财务" \ 或 a/b"#),
             LeadExtraField(name: "多行", value: "第一行\r\n第二行\t制表\u{1}\u{1F}"),
             LeadExtraField(name: "😀 emoji", value: "\u{7F}\u{2028}é")],
        ]
        for extras in cases {
            let json = ExtraFieldsJSON.encode(extras)
            let decoded = try JSONDecoder().decode([LeadExtraField].self, from: Data(json.utf8))
            XCTAssertEqual(decoded, extras, json)
        }
        XCTAssertEqual(ExtraFieldsJSON.encode([]), "[]")
        XCTAssertEqual(ExtraFieldsJSON.encode([LeadExtraField(name: "a", value: "\"\n")]), #"[{"name":"a","value":"\"\n"}]"#)
    }

    func testPhoneCellsAreTrimmedAsFoundationTrimsThem() {
        for raw in ["13800138000", " 13800138000", "13800138000\u{3000}", "\t+86 138-0013-8000 ", "无", "", " ", "\u{A0}138\u{A0}"] {
            XCTAssertEqual(LeadInsertRow.trimmedPhone(raw), raw.trimmingCharacters(in: .whitespaces), raw.debugDescription)
        }
    }
}
