import XCTest
@testable import WaihuDomain

final class CallCenterEventRoundTripTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_772_413_200) // 2026-03-02T09:00:00+08:00

    /// One event of every kind, so that a kind added to `CallCenterEvent` without a working
    /// encoding fails here.
    var everyKind: [CallCenterEvent] {
        let day = CalendarDay(year: 2026, month: 3, day: 2)!
        return [
            .agentSession(AgentSessionEvent(agentID: "A1", kind: .login, at: t0, seatID: "S01")),
            .agentState(AgentStateInterval(agentID: "A1", state: .notReady, reason: .meal,
                                           start: t0, end: t0.addingTimeInterval(1800), campaignID: "C1")),
            .callAttempt(CallAttemptRecord(callID: "K1", leadID: "L1", campaignID: "C1", number: "13812345678",
                                           placedAt: t0, ringingAt: t0.addingTimeInterval(3),
                                           answeredAt: t0.addingTimeInterval(10), endedAt: t0.addingTimeInterval(100),
                                           outcome: .answered, agentID: "A1", talkSeconds: 90, playbackSeconds: 0,
                                           digits: "1", attemptNumber: 1, listBatch: "B7", listSource: "insurer")),
            .disposition(DispositionRecord(leadID: "L1", campaignID: "C1", callID: "K1", agentID: "A1",
                                           code: "renewed_elsewhere", category: .alreadyCovered, at: t0)),
            .sale(SaleRecord(saleID: "P1", leadID: "L1", campaignID: "C1", agentID: "A1", product: "车险续保",
                             premium: Decimal(string: "3280.50")!, soldAt: t0, entryErrors: 1,
                             cancelledAt: t0.addingTimeInterval(86400))),
            .qaResult(QAResultRecord(callID: "K1", agentID: "A1", inspectorID: "Q1", score: 92.5,
                                     passed: true, excellent: true, at: t0)),
            .complaint(ComplaintRecord(complaintID: "T1", at: t0, callID: "K1", agentID: "A1",
                                       causedByOutbound: true, agentAtFault: false, summary: "打扰")),
            .violation(ViolationRecord(agentID: "A1", at: t0, kind: "late")),
            .roster(RosterEntry(agentID: "A1", day: day, shiftStart: t0, shiftEnd: t0.addingTimeInterval(8 * 3600))),
            .employment(EmploymentRecord(agentID: "A1", name: "张三", skill: .dual,
                                         hiredOn: CalendarDay("2025-07-01")!, leftOn: day, teamID: "T01")),
            .smsReply(SMSSatisfactionReply(number: "13812345678", at: t0, rating: .satisfied, callID: "K1", text: "1")),
        ]
    }

    func testEveryKindRoundTripsThroughOneLine() throws {
        XCTAssertEqual(Set(everyKind.map(\.kind)), Set(CallCenterEvent.Kind.allCases))
        let encoder = EventLineEncoder()
        let decoder = EventLineDecoder()
        for (index, event) in everyKind.enumerated() {
            let line = try encoder.encode(event)
            XCTAssertFalse(line.contains("\n"))
            XCTAssertTrue(line.contains(#""type":"\#(event.kind.rawValue)""#), line)
            XCTAssertEqual(try decoder.decode(line, lineNumber: index + 1), event, line)
        }
    }

    func testPremiumKeepsItsFen() throws {
        let line = #"{"type":"sale","sale_id":"P1","lead_id":"L1","campaign_id":"C1","agent_id":"A1","product":"车险","premium":3280.5,"sold_at":"2026-03-02T10:00:00+08:00"}"#
        guard case .sale(let sale)? = try EventLineDecoder().decode(line, lineNumber: 1) else {
            return XCTFail("expected a sale")
        }
        XCTAssertEqual(sale.premium, Decimal(string: "3280.5"))
        XCTAssertEqual(sale.entryErrors, 0)
    }

    func testTimesAreWrittenInBeijingTime() throws {
        let line = try EventLineEncoder().encode(.violation(ViolationRecord(agentID: "A1", at: t0, kind: "late")))
        XCTAssertEqual(line, #"{"agent_id":"A1","at":"2026-03-02T09:00:00+08:00","kind":"late","type":"violation"}"#)
    }
}
