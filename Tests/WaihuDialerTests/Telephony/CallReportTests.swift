import Foundation
import XCTest
import WaihuDomain
import WaihuSIP
@testable import WaihuDialer

final class CallReportTests: XCTestCase {
    func testJSONHasTheDocumentedKeysInOrder() throws {
        let report = CallReport(outcome: .answered, sipStatus: 200, ringSeconds: 2.004, listenedSeconds: 4.5, dtmf: "1",
                                recording: "/tmp/out.wav")
        XCTAssertEqual(report.json,
                       #"{"outcome":"answered","sip_status":200,"ring_s":2.0,"listened_s":4.5,"dtmf":"1","recording":"\/tmp\/out.wav"}"#)
        let busy = CallReport(outcome: .noAnswer, sipStatus: nil, ringSeconds: 30.016, listenedSeconds: 0, dtmf: "",
                              recording: nil)
        XCTAssertEqual(busy.json, #"{"outcome":"no_answer","sip_status":null,"ring_s":30.02,"listened_s":0.0,"dtmf":"","recording":null}"#)
        // The Encodable form carries the same keys and values.
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        XCTAssertEqual(Set(object?.keys ?? [:].keys), ["outcome", "sip_status", "ring_s", "listened_s", "dtmf", "recording"])
        XCTAssertEqual(object?["outcome"] as? String, "answered")
    }

    func testOutcomesFromSIPEndings() {
        XCTAssertEqual(CallOutcome(.remoteHangUp), .answered)
        XCTAssertEqual(CallOutcome(.localHangUp), .answered)
        XCTAssertEqual(CallOutcome(.declined(status: 486)), .busy)
        XCTAssertEqual(CallOutcome(.declined(status: 600)), .busy)
        XCTAssertEqual(CallOutcome(.declined(status: 480)), .noAnswer)
        XCTAssertEqual(CallOutcome(.ringTimeout(status: 487)), .noAnswer)
        XCTAssertEqual(CallOutcome(.declined(status: 404)), .rejected)
        XCTAssertEqual(CallOutcome(.declined(status: 603)), .rejected)
        XCTAssertEqual(CallOutcome(.declined(status: 503)), .failed)
        XCTAssertEqual(CallOutcome(.declined(status: 407)), .failed)
        XCTAssertEqual(CallOutcome(.noResponse), .failed)
    }
}
