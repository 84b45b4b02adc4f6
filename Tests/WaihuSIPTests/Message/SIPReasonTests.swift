import XCTest
@testable import WaihuSIP

final class SIPReasonTests: XCTestCase {
    private func headers(_ lines: [(String, String)]) -> SIPHeaders {
        var headers = SIPHeaders()
        for (name, value) in lines { headers.add(name, value) }
        return headers
    }

    func testQ850CauseFromTheReasonHeader() {
        XCTAssertEqual(SIPReason.q850Cause(in: headers([("Reason", #"Q.850;cause=1;text="Unallocated number""#)])), 1)
        // A list in one line, SIP first.
        XCTAssertEqual(SIPReason.q850Cause(in: headers([("Reason", #"SIP;cause=480;text="x, y", Q.850;cause=20"#)])), 20)
        // Two lines, and the compact case of the protocol.
        XCTAssertEqual(SIPReason.q850Cause(in: headers([("Reason", "SIP;cause=404"), ("Reason", "q.850;cause=17")])), 17)
        let reason = SIPReason(parsing: #"Q.850;cause=22;text="Number changed""#)
        XCTAssertEqual(reason?.text, "Number changed")
    }

    func testNoCauseFromNothingOrGarbage() {
        XCTAssertNil(SIPReason.q850Cause(in: headers([])))
        XCTAssertNil(SIPReason.q850Cause(in: headers([("Reason", "SIP;cause=200")])))
        XCTAssertNil(SIPReason.q850Cause(in: headers([("Reason", "Q.850;cause=abc")])))
        XCTAssertNil(SIPReason.q850Cause(in: headers([("Reason", ";;;")])))
        XCTAssertNil(SIPReason(parsing: "{bad};cause=1"))
    }

    /// The call leg keeps the cause of the response that refused its INVITE.
    func testCallLegKeepsTheRefusalsCause() throws {
        let invite = SIPRequest.outOfDialog(.invite, to: SIPURI(user: "13800138000", host: "127.0.0.1", port: 5070),
                                            from: SIPAddress(uri: SIPURI(user: "waihu", host: "127.0.0.1")),
                                            contact: SIPURI(user: "waihu", host: "127.0.0.1", port: 5060),
                                            localHost: "127.0.0.1", localPort: 5060)
        var machine = CallLegStateMachine(invite: invite, localHost: "127.0.0.1", localPort: 5060,
                                          localContact: SIPURI(user: "waihu", host: "127.0.0.1", port: 5060))
        _ = machine.start()
        var refusal = SIPResponse(replyingTo: invite, statusCode: 404, toTag: "t1")
        refusal.headers.add("Reason", "Q.850;cause=1")
        let actions = machine.receive(refusal)
        XCTAssertTrue(actions.contains(.ended(.declined(status: 404))))
        XCTAssertEqual(machine.q850Cause, 1)
    }
}
