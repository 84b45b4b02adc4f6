import XCTest
@testable import WaihuDomain

final class QualityKPITests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_772_413_200)

    func testSMSSatisfactionCountsEachNumberOnceByItsLatestReply() {
        let replies = [
            SMSSatisfactionReply(number: "1", at: t0 + 3600, rating: .satisfied),
            SMSSatisfactionReply(number: "1", at: t0, rating: .dissatisfied),
            SMSSatisfactionReply(number: "2", at: t0, rating: .neutral),
            SMSSatisfactionReply(number: "3", at: t0, rating: .satisfied),
        ]
        XCTAssertEqual(KPI.smsSatisfaction(replies), Ratio(2, over: 3))
        XCTAssertEqual(KPI.smsSatisfaction(replies).percentText, "66.7%")
        XCTAssertEqual(KPI.smsSatisfaction([]).percentText, "—")
    }

    func testComplaints() {
        let complaints = [
            ComplaintRecord(complaintID: "T1", at: t0, agentID: "A1", causedByOutbound: true, agentAtFault: true),
            ComplaintRecord(complaintID: "T2", at: t0, agentID: "A1", causedByOutbound: true, agentAtFault: nil),
            ComplaintRecord(complaintID: "T3", at: t0, causedByOutbound: false, agentAtFault: false),
        ]
        XCTAssertEqual(KPI.outboundComplaints(complaints), 2)
        XCTAssertEqual(KPI.complaintCases(complaints), 1)
        XCTAssertEqual(KPI.complaintRate(outboundComplaints: 2, connectedCalls: 400).percentText, "0.5%")
        XCTAssertEqual(KPI.complaintRate(outboundComplaints: 1, connectedCalls: 0).percentText, "—")
    }

    func testQARates() {
        func qa(_ passed: Bool, _ excellent: Bool) -> QAResultRecord {
            QAResultRecord(callID: "K", agentID: "A1", score: 80, passed: passed, excellent: excellent, at: t0)
        }
        let results = [qa(true, true), qa(true, false), qa(true, false), qa(false, false)]
        XCTAssertEqual(KPI.qaPassRate(results).percentText, "75.0%")
        XCTAssertEqual(KPI.qaExcellentRate(results).percentText, "25.0%")
        XCTAssertEqual(KPI.qaPassRate([]).percentText, "—")
        XCTAssertEqual(KPI.qaExcellentRate(excellent: 0, inspected: 0).percentText, "—")
    }

    func testViolations() {
        let violations = [ViolationRecord(agentID: "A1", at: t0, kind: "late"),
                          ViolationRecord(agentID: "A1", at: t0, kind: "script"),
                          ViolationRecord(agentID: "A2", at: t0, kind: "late")]
        XCTAssertEqual(KPI.violationCount(violations), 3)
        XCTAssertEqual(KPI.violationCount(violations, agentID: "A1"), 2)
        XCTAssertEqual(KPI.violationCount(violations, agentID: "A9"), 0)
    }
}
