import XCTest
@testable import WaihuSIP

final class CallLegStateMachineTests: XCTestCase {
    static let contact = SIPURI(user: "waihu", host: "127.0.0.1", port: 5090)

    func makeLeg(credentials: DigestCredentials? = nil) -> CallLegStateMachine {
        var invite = SIPRequest.outOfDialog(.invite, to: SIPURI(user: "13800138000", host: "127.0.0.1", port: 5070),
                                            from: SIPAddress(uri: SIPURI(user: "10086", host: "127.0.0.1")),
                                            contact: Self.contact, localHost: "127.0.0.1", localPort: 5090)
        invite.headers.add("Content-Type", "application/sdp")
        invite.body = Array("v=0\r\n".utf8)
        return CallLegStateMachine(invite: invite, localHost: "127.0.0.1", localPort: 5090, localContact: Self.contact,
                                   credentials: credentials, ringTimeout: .seconds(30))
    }

    func response(_ code: Int, to request: SIPRequest, tag: String? = "cust1") -> SIPResponse {
        var response = SIPResponse(replyingTo: request, statusCode: code, toTag: tag)
        if code != 100 { response.headers.add("Contact", "<sip:customer@127.0.0.1:5070>") }
        return response
    }

    func sent(_ actions: [CallLegAction]) -> [SIPRequest] {
        actions.compactMap { if case .sendRequest(let r) = $0 { return r } else { return nil } }
    }

    func acks(_ actions: [CallLegAction]) -> [SIPRequest] {
        actions.compactMap { if case .sendAck(let r) = $0 { return r } else { return nil } }
    }

    func ended(_ actions: [CallLegAction]) -> CallLegTermination? {
        actions.lazy.compactMap { if case .ended(let t) = $0 { return t } else { return nil } }.first
    }

    func testAnsweredCallIsAcknowledgedAndEndsOnRemoteBye() throws {
        var leg = makeLeg()
        let start = leg.start()
        XCTAssertEqual(sent(start).map(\.method), [.invite])
        XCTAssertTrue(start.contains(.startTimer(.seconds(30))))
        let invite = leg.invite

        XCTAssertEqual(leg.receive(response(100, to: invite, tag: nil)), [])
        let ringing = response(180, to: invite)
        XCTAssertEqual(leg.receive(ringing), [.ringing(ringing)])
        XCTAssertEqual(leg.dialog?.state, .early)

        let ok = response(200, to: invite)
        let answer = leg.receive(ok)
        XCTAssertEqual(answer.first, .cancelTimer)
        XCTAssertEqual(answer.last, .answered(ok))
        let ack = try XCTUnwrap(acks(answer).first)
        XCTAssertEqual(ack.method, .ack)
        XCTAssertEqual(ack.cseq, CSeq(1, .ack))
        XCTAssertEqual(ack.uri.description, "sip:customer@127.0.0.1:5070", "ACK goes to the remote Contact")
        XCTAssertEqual(ack.to?.tag, "cust1")
        XCTAssertEqual(leg.state, .confirmed)
        // The 2xx again (our ACK was lost): the same ACK again, nothing else.
        XCTAssertEqual(leg.receive(ok), [.sendAck(ack)])

        var dialog = try XCTUnwrap(leg.dialog)
        var bye = dialog.makeRequest(.bye, via: Via(host: "127.0.0.1", port: 5070, branch: "z9hG4bKbye"))
        // Seen from the customer, tags are swapped.
        bye.headers.set("From", "<sip:13800138000@127.0.0.1>;tag=cust1")
        bye.headers.set("To", "<sip:10086@127.0.0.1>;tag=\(leg.invite.from!.tag!)")
        bye.headers.set("CSeq", "2 BYE")
        let key = try XCTUnwrap(SIPTransactionKey.server(for: bye))
        let actions = leg.receive(bye, key: key)
        guard case .respond(let byeOK, let answeredKey)? = actions.first else { return XCTFail("BYE must be answered") }
        XCTAssertEqual(answeredKey, key)
        XCTAssertEqual(byeOK.statusCode, 200)
        XCTAssertEqual(ended(actions), .remoteHangUp)
        XCTAssertEqual(leg.state, .ended(.remoteHangUp))
        XCTAssertEqual(CallLegTermination.remoteHangUp.sipStatus, 200)
    }

    func testBusyEndsDeclinedWithStatus() {
        var leg = makeLeg()
        _ = leg.start()
        _ = leg.receive(response(180, to: leg.invite))
        let actions = leg.receive(response(486, to: leg.invite))
        XCTAssertEqual(ended(actions), .declined(status: 486))
        XCTAssertEqual(sent(actions), [], "the transaction sends the ACK for a non-2xx")
    }

    func testRingTimeoutCancelsThen487EndsNoAnswer() {
        var leg = makeLeg()
        _ = leg.start()
        _ = leg.receive(response(180, to: leg.invite))
        let timeout = leg.timerFired()
        let cancel = sent(timeout)
        XCTAssertEqual(cancel.map(\.method), [.cancel])
        XCTAssertEqual(cancel.first?.topVia?.branch, leg.invite.topVia?.branch, "CANCEL matches the INVITE's branch")
        XCTAssertEqual(leg.state, .cancelling)
        XCTAssertEqual(leg.receive(response(200, to: cancel[0])), [], "200 to CANCEL changes nothing")
        XCTAssertEqual(ended(leg.receive(response(487, to: leg.invite))), .ringTimeout(status: 487))
    }

    func testRingTimeoutBeforeAnyProvisionalWaitsForOneBeforeCancelling() {
        var leg = makeLeg()
        _ = leg.start()
        XCTAssertEqual(sent(leg.timerFired()), [], "no CANCEL before a provisional (§9.1)")
        XCTAssertEqual(leg.state, .calling)
        let actions = leg.receive(response(100, to: leg.invite, tag: nil))
        XCTAssertEqual(sent(actions).map(\.method), [.cancel])
        // Nothing ever answers the CANCEL: the guard timer gives the leg up.
        XCTAssertEqual(ended(leg.timerFired()), .ringTimeout(status: nil))
    }

    func testAnswerCrossingCancelIsAcknowledgedAndHungUp() throws {
        var leg = makeLeg()
        _ = leg.start()
        _ = leg.receive(response(180, to: leg.invite))
        _ = leg.timerFired()
        let actions = leg.receive(response(200, to: leg.invite))
        XCTAssertEqual(acks(actions).count, 1)
        let bye = try XCTUnwrap(sent(actions).first)
        XCTAssertEqual(bye.method, .bye)
        XCTAssertEqual(bye.cseq?.number, 2)
        XCTAssertNil(ended(actions))
        XCTAssertEqual(ended(leg.receive(response(200, to: bye))), .ringTimeout(status: 200))
    }

    func testChallengeIsAnsweredOnceWithCredentials() throws {
        var leg = makeLeg(credentials: DigestCredentials(username: "trunk", password: "secret"))
        _ = leg.start()
        let first = leg.invite
        var challenge = response(407, to: first)
        challenge.headers.add("Proxy-Authenticate", #"Digest realm="carrier", nonce="abc", qop="auth", algorithm=MD5"#)
        let retry = try XCTUnwrap(sent(leg.receive(challenge)).first)
        XCTAssertEqual(retry.method, .invite)
        XCTAssertEqual(retry.cseq?.number, 2)
        XCTAssertNotEqual(retry.topVia?.branch, first.topVia?.branch)
        XCTAssertEqual(retry.callID, first.callID)
        XCTAssertNotNil(retry.headers["Proxy-Authorization"])
        XCTAssertEqual(leg.invite, retry)
        // A stale response to the first INVITE is ignored; a second challenge ends the leg.
        XCTAssertEqual(leg.receive(response(180, to: first)), [])
        var again = response(407, to: retry)
        again.headers.add("Proxy-Authenticate", #"Digest realm="carrier", nonce="def""#)
        XCTAssertEqual(ended(leg.receive(again)), .declined(status: 407))
    }

    func testChallengeWithoutCredentialsIsRejected() {
        var leg = makeLeg()
        _ = leg.start()
        XCTAssertEqual(ended(leg.receive(response(401, to: leg.invite))), .declined(status: 401))
    }

    func testLocalHangUpSendsByeWhenAnsweredAndCancelWhenRinging() {
        var answered = makeLeg()
        _ = answered.start()
        _ = answered.receive(response(200, to: answered.invite))
        let hangUp = answered.hangUp()
        XCTAssertEqual(sent(hangUp).map(\.method), [.bye])
        XCTAssertEqual(answered.state, .terminating)
        XCTAssertEqual(answered.hangUp(), [], "hanging up twice sends nothing")
        XCTAssertEqual(ended(answered.transactionFailed(method: .bye, transportError: false)), .localHangUp)

        var ringing = makeLeg()
        _ = ringing.start()
        _ = ringing.receive(response(183, to: ringing.invite))
        XCTAssertEqual(sent(ringing.hangUp()).map(\.method), [.cancel])
        XCTAssertEqual(ended(ringing.receive(response(487, to: ringing.invite))), .cancelled(status: 487))
    }

    func testSilentTrunkFailsAsNoResponseEvenAfterTheRingTimeout() {
        var leg = makeLeg()
        _ = leg.start()
        _ = leg.timerFired()
        XCTAssertEqual(ended(leg.transactionFailed(method: .invite, transportError: false)), .noResponse)
        var guarded = makeLeg()
        _ = guarded.start()
        _ = guarded.timerFired()
        XCTAssertEqual(ended(guarded.timerFired()), .noResponse, "the guard ends a leg that never heard anything")
    }

    func testUnansweredInviteTimesOutAsNoResponse() {
        var leg = makeLeg()
        _ = leg.start()
        XCTAssertEqual(ended(leg.transactionFailed(method: .invite, transportError: false)), .noResponse)
        XCTAssertEqual(CallLegTermination.noResponse.sipStatus, 408)
    }

    func testRequestOutsideTheDialogGets481() throws {
        var leg = makeLeg()
        _ = leg.start()
        _ = leg.receive(response(200, to: leg.invite))
        var bye = SIPRequest.outOfDialog(.bye, to: Self.contact, from: SIPAddress(uri: Self.contact), contact: Self.contact,
                                         localHost: "127.0.0.1", localPort: 5070)
        bye.headers.set("To", "<sip:x@127.0.0.1>;tag=wrong")
        let key = try XCTUnwrap(SIPTransactionKey.server(for: bye))
        guard case .respond(let answer, _)? = leg.receive(bye, key: key).first else { return XCTFail() }
        XCTAssertEqual(answer.statusCode, 481)
        XCTAssertEqual(leg.state, .confirmed)
    }
}
