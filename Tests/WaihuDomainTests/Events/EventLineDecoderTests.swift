import XCTest
@testable import WaihuDomain

final class EventLineDecoderTests: XCTestCase {
    let decoder = EventLineDecoder()

    /// 2026-03-02 09:00:00 +08:00 is 2026-03-02 01:00:00 UTC = 1772413200 s since 1970.
    let nineOClock = Date(timeIntervalSince1970: 1_772_413_200)

    func testDecodesACallAttemptWithOffsetTimes() throws {
        let line = #"{"type":"call_attempt","call_id":"K1","lead_id":"L1","campaign_id":"C1","number":"13812345678","placed_at":"2026-03-02T09:00:00+08:00","answered_at":"2026-03-02T09:00:12+08:00","ended_at":"2026-03-02T09:03:12+08:00","outcome":"answered","agent_id":"A1","talk_seconds":180,"digits":"1"}"#
        guard case .callAttempt(let call)? = try decoder.decode(line, lineNumber: 1) else {
            return XCTFail("expected a call attempt")
        }
        XCTAssertEqual(call.placedAt, nineOClock)
        XCTAssertEqual(call.answeredAt, nineOClock.addingTimeInterval(12))
        XCTAssertEqual(call.endedAt, nineOClock.addingTimeInterval(192))
        XCTAssertEqual(call.outcome, .answered)
        XCTAssertEqual(call.talkSeconds, 180)
        XCTAssertEqual(call.playbackSeconds, 0, "absent playback defaults to 0")
        XCTAssertEqual(call.digits, "1")
        XCTAssertTrue(call.isAgentConnected)
    }

    func testUTCAndFractionalSecondsAreTheSameInstant() throws {
        XCTAssertEqual(EventTimestamp.parse("2026-03-02T01:00:00Z"), nineOClock)
        XCTAssertEqual(EventTimestamp.parse("2026-03-02T09:00:00.500+08:00"), nineOClock.addingTimeInterval(0.5))
        XCTAssertNil(EventTimestamp.parse("2026-03-02T09:00:00"), "a time without offset is refused")
        XCTAssertEqual(EventTimestamp.format(nineOClock), "2026-03-02T09:00:00+08:00")
    }

    func testBlankLineIsSkipped() throws {
        XCTAssertNil(try decoder.decode("   ", lineNumber: 4))
    }

    func testMalformedJSONNamesTheLine() {
        XCTAssertThrowsError(try decoder.decode(#"{"type":"violation","agent_id":"#, lineNumber: 7)) { error in
            guard case .malformedJSON(let line, _)? = error as? EventImportError else {
                return XCTFail("got \(error)")
            }
            XCTAssertEqual(line, 7)
            XCTAssertTrue((error as! EventImportError).message.hasPrefix("line 7: not valid JSON"))
        }
    }

    func testNotAnObject() {
        XCTAssertThrowsError(try decoder.decode("[1,2]", lineNumber: 2)) { error in
            XCTAssertEqual(error as? EventImportError, .notAnObject(line: 2))
        }
    }

    func testMissingAndUnknownType() {
        XCTAssertThrowsError(try decoder.decode(#"{"agent_id":"A1"}"#, lineNumber: 3)) { error in
            XCTAssertEqual(error as? EventImportError, .missingType(line: 3))
        }
        XCTAssertThrowsError(try decoder.decode(#"{"type":"coffee_break"}"#, lineNumber: 9)) { error in
            XCTAssertEqual(error as? EventImportError, .unknownType(line: 9, type: "coffee_break"))
            XCTAssertTrue((error as! EventImportError).message.contains("agent_session, agent_state, call_attempt"))
        }
    }

    func testMissingFieldIsNamedAsInTheFile() {
        let line = #"{"type":"sale","sale_id":"S1","lead_id":"L1","campaign_id":"C1","agent_id":"A1","product":"车险","sold_at":"2026-03-02T10:00:00+08:00"}"#
        XCTAssertThrowsError(try decoder.decode(line, lineNumber: 12)) { error in
            XCTAssertEqual(error as? EventImportError, .missingField(line: 12, type: "sale", field: "premium"))
            XCTAssertEqual((error as? EventImportError)?.message, #"line 12: sale is missing required field "premium""#)
        }
    }

    func testNullRequiredFieldIsMissing() {
        let line = #"{"type":"violation","agent_id":null,"at":"2026-03-02T10:00:00+08:00","kind":"late"}"#
        XCTAssertThrowsError(try decoder.decode(line, lineNumber: 1)) { error in
            XCTAssertEqual(error as? EventImportError, .missingField(line: 1, type: "violation", field: "agent_id"))
        }
    }

    func testUnknownEnumValueListsTheAcceptedOnes() {
        let line = #"{"type":"call_attempt","call_id":"K1","lead_id":"L1","campaign_id":"C1","number":"1","placed_at":"2026-03-02T09:00:00+08:00","ended_at":"2026-03-02T09:00:30+08:00","outcome":"hung_up"}"#
        XCTAssertThrowsError(try decoder.decode(line, lineNumber: 5)) { error in
            guard case .invalidValue(5, "call_attempt", "outcome", let reason)? = error as? EventImportError else {
                return XCTFail("got \(error)")
            }
            XCTAssertTrue(reason.contains(#""hung_up""#))
            XCTAssertTrue(reason.contains("answered, busy, no_answer, invalid, rejected, abandoned, machine, failed"))
        }
    }

    func testWrongTypeOfValue() {
        let line = #"{"type":"qa_result","call_id":"K1","agent_id":"A1","score":"ninety","passed":true,"excellent":false,"at":"2026-03-02T09:00:00+08:00"}"#
        XCTAssertThrowsError(try decoder.decode(line, lineNumber: 6)) { error in
            XCTAssertEqual(error as? EventImportError,
                           .invalidValue(line: 6, type: "qa_result", field: "score", reason: "must be a number"))
        }
    }

    func testTimeWithoutOffsetIsRefused() {
        let line = #"{"type":"agent_session","agent_id":"A1","kind":"login","at":"2026-03-02 09:00:00"}"#
        XCTAssertThrowsError(try decoder.decode(line, lineNumber: 8)) { error in
            guard case .invalidValue(8, "agent_session", "at", let reason)? = error as? EventImportError else {
                return XCTFail("got \(error)")
            }
            XCTAssertTrue(reason.contains("+08:00"))
        }
    }

    func testIntervalEndingBeforeItStarts() {
        let line = #"{"type":"agent_state","agent_id":"A1","state":"ready","start":"2026-03-02T09:10:00+08:00","end":"2026-03-02T09:00:00+08:00"}"#
        XCTAssertThrowsError(try decoder.decode(line, lineNumber: 10)) { error in
            XCTAssertEqual(error as? EventImportError,
                           .invalidValue(line: 10, type: "agent_state", field: "end", reason: "is before start"))
        }
    }

    func testReasonOnlyWithNotReady() {
        let line = #"{"type":"agent_state","agent_id":"A1","state":"on_call","reason":"meal","start":"2026-03-02T09:00:00+08:00","end":"2026-03-02T09:10:00+08:00"}"#
        XCTAssertThrowsError(try decoder.decode(line, lineNumber: 1)) { error in
            guard case .invalidValue(1, "agent_state", "reason", _)? = error as? EventImportError else {
                return XCTFail("got \(error)")
            }
        }
    }

    func testTalkOnAnUnansweredCallIsRefused() {
        let line = #"{"type":"call_attempt","call_id":"K1","lead_id":"L1","campaign_id":"C1","number":"1","placed_at":"2026-03-02T09:00:00+08:00","ended_at":"2026-03-02T09:00:30+08:00","outcome":"busy","talk_seconds":20}"#
        XCTAssertThrowsError(try decoder.decode(line, lineNumber: 1)) { error in
            guard case .invalidValue(1, "call_attempt", "talk_seconds", _)? = error as? EventImportError else {
                return XCTFail("got \(error)")
            }
        }
    }

    func testBadCalendarDay() {
        let line = #"{"type":"employment","agent_id":"A1","skill":"outbound","hired_on":"2026-02-30"}"#
        XCTAssertThrowsError(try decoder.decode(line, lineNumber: 1)) { error in
            guard case .invalidValue(1, "employment", "hired_on", _)? = error as? EventImportError else {
                return XCTFail("got \(error)")
            }
        }
    }

    func testDecodeAllKeepsGoodLinesAndReportsEveryBadOneWithEditorLineNumbers() {
        let text = """
        {"type":"violation","agent_id":"A1","at":"2026-03-02T10:00:00+08:00","kind":"late"}

        {"type":"nope"}
        not json
        {"type":"violation","agent_id":"A2","at":"2026-03-02T11:00:00+08:00","kind":"script"}
        """
        let result = decoder.decodeAll(text)
        XCTAssertEqual(result.events.count, 2)
        XCTAssertEqual(result.errors.map(\.line), [3, 4])
        XCTAssertEqual(result.errors.first, .unknownType(line: 3, type: "nope"))
    }
}
