import Foundation
import XCTest
@testable import WaihuDomain

/// 无效率 by cause: which calls show an invalid number, and under which cause each invalid
/// lead is counted.
final class InvalidLeadCauseTests: XCTestCase {
    let at = Date(timeIntervalSince1970: 1_772_382_600)

    private func call(_ lead: String, _ outcome: CallOutcome, _ cause: CallCause?, foundInvalid: Bool = false) -> CallAttemptRecord {
        CallAttemptRecord(callID: UUID().uuidString, leadID: lead, campaignID: "C", number: "1", placedAt: at, endedAt: at,
                          outcome: outcome, cause: cause, foundInvalid: foundInvalid)
    }

    /// L1 空号; L2 关机 twice, then the third 关机 settled it invalid; L3 呼入限制 (settled in its
    /// campaign); L4 an imported 空号 without a cause; L5 answered by a fax (disposition);
    /// L6 关机 once, still being tried: not invalid. 5 of 6 dialled.
    func testEachInvalidLeadIsCountedUnderTheCauseThatShowedIt() {
        let calls = [
            call("L1", .invalid, .vacant, foundInvalid: true),
            call("L2", .noAnswer, .poweredOff), call("L2", .noAnswer, .poweredOff),
            call("L2", .noAnswer, .poweredOff, foundInvalid: true),
            call("L3", .rejected, .barred, foundInvalid: true),
            call("L4", .invalid, nil),
            call("L5", .answered, .human),
            call("L6", .noAnswer, .poweredOff),
        ]
        let dispositions = [DispositionRecord(leadID: "L5", campaignID: "C", code: "fax", category: .invalidNumber, at: at)]
        XCTAssertEqual(InvalidLeadRule.invalidLeads(calls, dispositions), ["L1", "L2", "L3", "L4", "L5"])
        let byCause = InvalidLeadRule.invalidLeadsByCause(calls, dispositions)
        XCTAssertEqual(byCause, [.vacant: ["L1"], .poweredOff: ["L2"], .barred: ["L3"], .unspecified: ["L4"], .disposition: ["L5"]])
        XCTAssertFalse(InvalidLeadRule.showsInvalidNumber(call("L6", .noAnswer, .poweredOff)),
                       "a phone off once is tried again, not invalid")
    }

    func testEveryCallCauseHasOneSlot() {
        let slots = InvalidLeadCause.allCases.flatMap(\.callCauses)
        XCTAssertEqual(Set(slots), Set(CallCause.allCases), "each cause lands somewhere")
        XCTAssertEqual(slots.count, CallCause.allCases.count, "and in one slot only")
        XCTAssertEqual(InvalidLeadCause.disposition.callCauses, [])
        XCTAssertEqual(InvalidLeadCause(call: nil), .unspecified)
    }

    /// An event line written before causes were kept loads without them; a new one keeps them,
    /// and `found_invalid` is written only when true.
    func testCauseAndEvidenceRoundTripAndOldLinesStillLoad() throws {
        let old = #"{"type":"call_attempt","call_id":"K2","lead_id":"L1002","campaign_id":"C","number":"02161234567","placed_at":"2026-03-02T09:05:01+08:00","ended_at":"2026-03-02T09:05:04+08:00","outcome":"invalid"}"#
        guard case .callAttempt(let attempt)? = try EventLineDecoder().decode(old, lineNumber: 1) else { return XCTFail() }
        XCTAssertNil(attempt.cause)
        XCTAssertNil(attempt.evidence)
        XCTAssertFalse(attempt.foundInvalid)
        XCTAssertTrue(InvalidLeadRule.showsInvalidNumber(attempt), "an invalid outcome still counts")

        let new = call("L1", .invalid, .vacant, foundInvalid: true)
        var withEvidence = new
        withEvidence.evidence = "announcement vacant 0.93; sip 480"
        let line = try EventLineEncoder().encode(.callAttempt(withEvidence))
        XCTAssertTrue(line.contains(#""cause":"vacant""#), line)
        XCTAssertTrue(line.contains(#""evidence":"announcement vacant 0.93; sip 480""#), line)
        XCTAssertTrue(line.contains(#""found_invalid":true"#), line)
        XCTAssertEqual(try EventLineDecoder().decode(line, lineNumber: 1), .callAttempt(withEvidence))
        let plain = try EventLineEncoder().encode(.callAttempt(call("L6", .noAnswer, .poweredOff)))
        XCTAssertFalse(plain.contains("found_invalid"), plain)
        XCTAssertThrowsError(try EventLineDecoder().decode(old.replacingOccurrences(of: #""outcome":"invalid""#,
                                                                                    with: #""outcome":"invalid","cause":"gone""#), lineNumber: 1))
    }
}
