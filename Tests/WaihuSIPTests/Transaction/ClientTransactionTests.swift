import XCTest
@testable import WaihuSIP

final class ClientTransactionTests: XCTestCase {
    typealias F = TransactionFixtures

    func testInviteRetransmitsOnDoublingScheduleUntilTimerB() {
        let invite = F.request(.invite)
        var transaction = InviteClientTransaction(request: invite)
        let start = transaction.start()
        XCTAssertEqual(F.sentRequests(start), [invite])
        XCTAssertEqual(F.started(start), [.a: .milliseconds(500), .b: .seconds(32)])

        // A doubles every time: 1 s, 2 s, 4 s, 8 s, 16 s (no T2 cap for INVITE).
        var intervals: [Duration] = []
        for _ in 0..<5 {
            let actions = transaction.timerFired(.a)
            XCTAssertEqual(F.sentRequests(actions), [invite])
            intervals.append(F.started(actions)[.a]!)
        }
        XCTAssertEqual(intervals, [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16)])
        XCTAssertEqual(transaction.timerFired(.b), [.cancelTimer(.a), .reportTimeout, .terminate])
        XCTAssertEqual(transaction.state, .terminated)
        XCTAssertEqual(transaction.timerFired(.a), [])
    }

    func testInviteProvisionalStopsRetransmissionAndAllowsCancel() {
        let invite = F.request(.invite)
        var transaction = InviteClientTransaction(request: invite)
        _ = transaction.start()
        XCTAssertFalse(transaction.canCancel)
        let ringing = F.response(180, to: invite)
        XCTAssertEqual(transaction.receive(ringing), [.cancelTimer(.a), .cancelTimer(.b), .passResponse(ringing)])
        XCTAssertEqual(transaction.state, .proceeding)
        XCTAssertTrue(transaction.canCancel)
        XCTAssertEqual(transaction.timerFired(.a), [], "a stale timer A must not resend")
        let progress = F.response(183, to: invite)
        XCTAssertEqual(transaction.receive(progress), [.passResponse(progress)])
    }

    func testInviteRejectedSendsAckAndAbsorbsRetransmissions() throws {
        let invite = F.request(.invite)
        var transaction = InviteClientTransaction(request: invite)
        _ = transaction.start()
        let busy = F.response(486, to: invite, toTag: "busy9")
        let actions = transaction.receive(busy)
        XCTAssertEqual(transaction.state, .completed)
        XCTAssertEqual(F.started(actions), [.d: .seconds(32)])
        XCTAssertEqual(actions.last, .passResponse(busy))
        let ack = try XCTUnwrap(F.sentRequests(actions).first)
        XCTAssertEqual(ack.method, .ack)
        XCTAssertEqual(ack.uri, invite.uri)
        XCTAssertEqual(ack.cseq, CSeq(1, .ack))
        XCTAssertEqual(ack.to?.tag, "busy9")
        XCTAssertEqual(ack.topVia?.branch, "z9hG4bKt1")
        XCTAssertEqual(ack.headers.values("Route"), ["<sip:proxy.example.cn;lr>"])
        // The 486 again: the same ACK again, nothing for the TU.
        XCTAssertEqual(transaction.receive(busy), [.sendRequest(ack)])
        XCTAssertEqual(transaction.timerFired(.d), [.terminate])
    }

    func testInviteAcceptedPassesRetransmitted2xxUntilTimerM() {
        let invite = F.request(.invite)
        var transaction = InviteClientTransaction(request: invite)
        _ = transaction.start()
        let ok = F.response(200, to: invite)
        XCTAssertEqual(transaction.receive(ok),
                       [.cancelTimer(.a), .cancelTimer(.b), .startTimer(.m, .seconds(32)), .passResponse(ok)])
        XCTAssertEqual(transaction.state, .accepted)
        XCTAssertEqual(transaction.receive(ok), [.passResponse(ok)])
        XCTAssertEqual(transaction.receive(F.response(180, to: invite)), [])
        XCTAssertEqual(transaction.timerFired(.m), [.terminate])
    }

    func testNonInviteTimerECapsAtT2AndFTimesOut() {
        let options = F.request(.options)
        var transaction = NonInviteClientTransaction(request: options)
        XCTAssertEqual(F.started(transaction.start()), [.e: .milliseconds(500), .f: .seconds(32)])
        var intervals: [Duration] = []
        for _ in 0..<5 { intervals.append(F.started(transaction.timerFired(.e))[.e]!) }
        XCTAssertEqual(intervals, [.seconds(1), .seconds(2), .seconds(4), .seconds(4), .seconds(4)])
        XCTAssertEqual(transaction.timerFired(.f), [.cancelTimer(.e), .reportTimeout, .terminate])
    }

    func testNonInviteProvisionalMovesRetransmitToT2ThenFinalStartsK() {
        let bye = F.request(.bye)
        var transaction = NonInviteClientTransaction(request: bye)
        _ = transaction.start()
        let trying = F.response(100, to: bye)
        XCTAssertEqual(transaction.receive(trying), [.passResponse(trying)])
        XCTAssertEqual(transaction.state, .proceeding)
        XCTAssertEqual(F.started(transaction.timerFired(.e)), [.e: .seconds(4)])
        let ok = F.response(200, to: bye)
        XCTAssertEqual(transaction.receive(ok),
                       [.cancelTimer(.e), .cancelTimer(.f), .startTimer(.k, .seconds(5)), .passResponse(ok)])
        XCTAssertEqual(transaction.receive(ok), [], "retransmitted final is absorbed")
        XCTAssertEqual(transaction.timerFired(.k), [.terminate])
        XCTAssertEqual(transaction.state, .terminated)
    }

    func testReliableTransportSkipsRetransmissionTimers() {
        let reliable = SIPTimerConfiguration(reliableTransport: true)
        var invite = InviteClientTransaction(request: F.request(.invite), timers: reliable)
        XCTAssertEqual(F.started(invite.start()), [.b: .seconds(32)])
        var register = NonInviteClientTransaction(request: F.request(.register), timers: reliable)
        XCTAssertEqual(F.started(register.start()), [.f: .seconds(32)])
    }

    func testTransportErrorTerminates() {
        var transaction = NonInviteClientTransaction(request: F.request(.register))
        _ = transaction.start()
        XCTAssertEqual(transaction.transportError(),
                       [.cancelTimer(.e), .cancelTimer(.f), .reportTransportError, .terminate])
        XCTAssertEqual(transaction.state, .terminated)
    }

    func testTransactionKeysMatchResponsesAndAckToInvite() {
        let invite = F.request(.invite)
        let ok = F.response(200, to: invite)
        XCTAssertEqual(SIPTransactionKey.client(for: invite), SIPTransactionKey.client(for: ok))
        // Same branch, different method (CANCEL) is a different transaction.
        let cancel = F.request(.cancel)
        XCTAssertNotEqual(SIPTransactionKey.client(for: cancel), SIPTransactionKey.client(for: invite))
        XCTAssertEqual(SIPTransactionKey.server(for: F.request(.ack)), SIPTransactionKey.server(for: invite))
        XCTAssertNil(SIPTransactionKey.server(for: F.request(.invite, branch: "old-style-1")))
    }
}
