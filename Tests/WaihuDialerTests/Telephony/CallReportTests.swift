import Foundation
import XCTest
import WaihuDomain
import WaihuSIP
@testable import WaihuDialer

final class CallReportTests: XCTestCase {
    func testJSONHasTheDocumentedKeysInOrder() throws {
        let report = CallReport(outcome: .answered, cause: .human, evidence: "voice human; sip 200", sipStatus: 200,
                                ringSeconds: 2.004, listenedSeconds: 4.5, dtmf: "1", recording: "/tmp/out.wav")
        XCTAssertEqual(report.json,
                       #"{"outcome":"answered","cause":"human","evidence":"voice human; sip 200","sip_status":200,"ring_s":2.0,"listened_s":4.5,"dtmf":"1","recording":"\/tmp\/out.wav"}"#)
        let vacant = CallReport(outcome: .invalid, cause: .vacant, evidence: "sip 404; q850 1", sipStatus: 404,
                                ringSeconds: 1.016, listenedSeconds: 0, dtmf: "", recording: nil)
        XCTAssertEqual(vacant.json,
                       #"{"outcome":"invalid","cause":"vacant","evidence":"sip 404; q850 1","sip_status":404,"ring_s":1.02,"listened_s":0.0,"dtmf":"","recording":null}"#)
        let unknown = CallReport(outcome: .noAnswer, cause: .announcementUnknown, evidence: "announcement unknown; sip 480",
                                 progressAudio: "/tmp/c.wav", sipStatus: 480, ringSeconds: 5, listenedSeconds: 0, dtmf: "", recording: nil)
        XCTAssertTrue(unknown.json.hasSuffix(#""recording":null,"progress_audio":"\/tmp\/c.wav"}"#), unknown.json)
        // The Encodable form carries the same keys and values.
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        XCTAssertEqual(Set(object?.keys ?? [:].keys),
                       ["outcome", "cause", "evidence", "sip_status", "ring_s", "listened_s", "dtmf", "recording"])
        XCTAssertEqual(object?["cause"] as? String, "human")
    }

    /// The SIP side's endings, as the call-progress rule reads them (the rule's own table is
    /// tested in WaihuDomainTests).
    func testSignallingFromSIPEndings() {
        XCTAssertEqual(CallSignalling(.remoteHangUp, q850: nil), .answered)
        XCTAssertEqual(CallSignalling(.localHangUp, q850: nil), .answered)
        XCTAssertEqual(CallSignalling(.declined(status: 480), q850: 20), .declined(status: 480, q850: 20))
        XCTAssertEqual(CallSignalling(.ringTimeout(status: 487), q850: nil), .ringTimeout)
        XCTAssertEqual(CallSignalling(.cancelled(status: 200), q850: nil), .cancelledByUs)
        XCTAssertEqual(CallSignalling(.noResponse, q850: nil), .noResponse)
        XCTAssertEqual(CallProgressRule.fromSignalling(CallSignalling(.declined(status: 486), q850: nil)).outcome, .busy)
        XCTAssertEqual(CallProgressRule.fromSignalling(CallSignalling(.declined(status: 404), q850: nil)).outcome, .invalid)
        XCTAssertEqual(CallProgressRule.fromSignalling(CallSignalling(.declined(status: 407), q850: nil)).outcome, .failed)
    }
}
