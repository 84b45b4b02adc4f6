import XCTest
@testable import WaihuDomain

final class CallProgressRuleTests: XCTestCase {
    private func declined(_ status: Int, _ q850: Int? = nil) -> CallProgressVerdict {
        CallProgressRule.fromSignalling(.declined(status: status, q850: q850))
    }

    /// The table: each status and Q.850 cause and the cause it names.
    func testSignallingTable() {
        let table: [(Int, Int?, CallCause, CallOutcome)] = [
            (404, nil, .vacant, .invalid), (604, nil, .vacant, .invalid), (404, 1, .vacant, .invalid),
            (410, nil, .numberChanged, .invalid), (404, 22, .numberChanged, .invalid),
            (480, 20, .poweredOff, .noAnswer), (480, nil, .noAnswer, .noAnswer),
            (486, nil, .busy, .busy), (600, nil, .busy, .busy), (486, 17, .busy, .busy),
            (603, nil, .rejected, .rejected), (603, 21, .rejected, .rejected),
            (480, 18, .noAnswer, .noAnswer), (480, 19, .noAnswer, .noAnswer),
            (503, nil, .congestion, .failed), (503, 34, .congestion, .failed), (500, 38, .congestion, .failed),
            (503, 41, .congestion, .failed), (503, 42, .congestion, .failed),
            (480, 27, .unreachable, .noAnswer), (502, 27, .unreachable, .noAnswer),
            (403, nil, .barred, .rejected), (403, 55, .barred, .rejected),
            (488, nil, .failed, .failed), (407, nil, .failed, .failed),
            // A cause that says nothing about the number leaves the status to decide.
            (486, 16, .busy, .busy), (404, 31, .vacant, .invalid),
        ]
        for (status, q850, cause, outcome) in table {
            let verdict = declined(status, q850)
            XCTAssertEqual(verdict.cause, cause, "\(status) q850 \(q850.map(String.init) ?? "-")")
            XCTAssertEqual(verdict.outcome, outcome, "\(status) q850 \(q850.map(String.init) ?? "-")")
        }
        XCTAssertEqual(declined(404, 1).evidenceText, "sip 404; q850 1")
    }

    func testEveryCauseButUnknownHasAnOutcome() {
        for cause in CallCause.allCases {
            XCTAssertEqual(cause.outcome == nil, cause == .announcementUnknown, cause.rawValue)
        }
        XCTAssertEqual(Set(CallCause.announcementLabels.map(\.rawValue)),
                       ["busy", "no_answer", "rejected", "vacant", "suspended", "number_changed", "powered_off",
                        "unreachable", "barred", "congestion", "secretary"])
    }

    /// A carrier's habit: 183 with an announcement, then a 480 that alone would be a no-answer.
    func testALearnedAnnouncementBeatsTheSignalling() {
        let verdict = CallProgressRule.verdict(.declined(status: 480, q850: nil),
                                               media: .announcement(label: .poweredOff, name: "移动关机", score: 0.93))
        XCTAssertEqual(verdict.cause, .poweredOff)
        XCTAssertEqual(verdict.outcome, .noAnswer)
        XCTAssertEqual(verdict.evidenceText, "announcement powered_off 0.93; sip 480")
        // Recognised in early media, so waihu cancelled: the announcement still decides.
        let cancelled = CallProgressRule.verdict(.cancelledByUs, media: .announcement(label: .vacant, name: "", score: 0.88))
        XCTAssertEqual(cancelled.outcome, .invalid)
        XCTAssertEqual(cancelled.cause, .vacant)
        // A 200 that only plays a mailbox greeting is no person.
        let mailbox = CallProgressRule.verdict(.answered, media: .announcement(label: .secretary, name: "小秘书", score: 0.9))
        XCTAssertEqual(mailbox.outcome, .machine)
        XCTAssertEqual(mailbox.cause, .secretary)
        // A 200 that only plays "the number is vacant" is a vacant number.
        XCTAssertEqual(CallProgressRule.verdict(.answered, media: .announcement(label: .vacant, name: "", score: 0.9)).outcome, .invalid)
    }

    func testTones() {
        XCTAssertEqual(CallProgressRule.verdict(.cancelledByUs, media: .busyTone).cause, .busy)
        XCTAssertEqual(CallProgressRule.verdict(.cancelledByUs, media: .busyTone).outcome, .busy)
        XCTAssertEqual(CallProgressRule.verdict(.cancelledByUs, media: .congestionTone).cause, .congestion)
        XCTAssertEqual(CallProgressRule.verdict(.cancelledByUs, media: .ringbackTone).cause, .alerting)
        XCTAssertEqual(CallProgressRule.verdict(.cancelledByUs, media: .alertingSignal).evidenceText, "sip 180; cancelled")
        // Ringback, then the customer answered: a person.
        XCTAssertEqual(CallProgressRule.verdict(.answered, media: .ringbackTone).cause, .human)
    }

    /// An intercept nobody taught: the signalling gives the outcome, the cause stays unknown
    /// unless the signalling was specific.
    func testUnknownAnnouncements() {
        let ambiguous = CallProgressRule.verdict(.declined(status: 480, q850: nil), media: .unknownAnnouncement)
        XCTAssertEqual(ambiguous.cause, .announcementUnknown)
        XCTAssertEqual(ambiguous.outcome, .noAnswer)
        let specific = CallProgressRule.verdict(.declined(status: 404, q850: nil), media: .unknownAnnouncement)
        XCTAssertEqual(specific.cause, .vacant)
        XCTAssertEqual(specific.evidenceText, "announcement unknown; sip 404")
        XCTAssertEqual(CallProgressRule.verdict(.declined(status: 480, q850: nil), media: .specialInformationTone).cause,
                       .announcementUnknown)
    }

    func testWhatEndsACallEarly() {
        XCTAssertTrue(CallProgressRule.endsCallNow(.announcement(label: .vacant, name: "", score: 0.9), cleansing: false))
        XCTAssertTrue(CallProgressRule.endsCallNow(.busyTone, cleansing: false))
        XCTAssertFalse(CallProgressRule.endsCallNow(.ringbackTone, cleansing: false))
        XCTAssertTrue(CallProgressRule.endsCallNow(.ringbackTone, cleansing: true))
        XCTAssertTrue(CallProgressRule.endsCallNow(.alertingSignal, cleansing: true))
        XCTAssertFalse(CallProgressRule.endsCallNow(.unknownAnnouncement, cleansing: true))
        XCTAssertFalse(CallProgressRule.endsCallNow(.human, cleansing: false))
    }
}
