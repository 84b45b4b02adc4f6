import Foundation
import XCTest
@testable import WaihuDomain

final class ImportReportTests: XCTestCase {
    private func sample(limit: Int? = nil) -> ImportReport {
        var report = ImportReport(rejectListLimit: limit)
        let number = PhoneNumber(kind: .mobile, areaCode: nil, subscriber: "13800138000", extensionNumber: nil)
        report.record(row: 2, outcome: .imported(number), rawPhone: "13800138000")
        report.record(row: 3, outcome: .rejected(.invalidPhone), rawPhone: "1381234")
        report.record(row: 5, outcome: .rejected(.duplicate), rawPhone: "138 0013 8000")
        report.record(row: 6, outcome: .rejected(.doNotCall), rawPhone: "13900000001")
        return report
    }

    func testCounts() {
        let report = sample()
        XCTAssertEqual([report.rows, report.imported, report.invalidPhone, report.duplicate, report.doNotCall], [4, 1, 1, 1, 1])
        XCTAssertEqual(report.rejects.map(\.row), [3, 5, 6])
    }

    func testJSONShape() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(sample()), as: UTF8.self)
        XCTAssertEqual(json, #"{"dnc":1,"duplicate":1,"imported":1,"invalid_phone":1,"rejects":["#
            + #"{"reason":"invalid_phone","row":3,"value":"1381234"},"#
            + #"{"reason":"duplicate","row":5,"value":"138 0013 8000"},"#
            + #"{"reason":"dnc","row":6,"value":"13900000001"}],"rows":4}"#)
        XCTAssertEqual(try JSONDecoder().decode(ImportReport.self, from: Data(json.utf8)), sample())
    }

    func testRejectListLimit() throws {
        let report = sample(limit: 1)
        XCTAssertEqual(report.rejects.map(\.row), [3])
        XCTAssertEqual(report.rejectsNotListed, 2)
        XCTAssertEqual(report.duplicate, 1, "counts are complete")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(report), as: UTF8.self)
        XCTAssertTrue(json.contains(#""rejects_not_listed":2"#))
    }
}
