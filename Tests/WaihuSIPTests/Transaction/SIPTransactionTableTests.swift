import XCTest
@testable import WaihuSIP

final class SIPTransactionTableTests: XCTestCase {
    typealias F = TransactionFixtures
    private let trunk = SIPEndpoint(host: "192.0.2.10", port: 5060)
    private let phone = SIPEndpoint(host: "10.0.0.1", port: 5060)

    private func sent(_ events: [SIPTransactionTable.Event]) -> [SIPOutbound] {
        events.compactMap { if case .send(let outbound) = $0 { return outbound } else { return nil } }
    }

    func testClientInviteFlowAndStray2xxGoesToDialog() throws {
        var table = SIPTransactionTable()
        let invite = F.request(.invite)
        let key = try XCTUnwrap(SIPTransactionKey.client(for: invite))
        XCTAssertEqual(table.send(invite, to: trunk), [
            .send(SIPOutbound(message: .request(invite), destination: trunk)),
            .startTimer(key, .a, .milliseconds(500)), .startTimer(key, .b, .seconds(32)),
        ])
        XCTAssertEqual(sent(table.timerFired(.a, for: key)).map(\.destination), [trunk])
        let ringing = F.response(180, to: invite)
        XCTAssertEqual(table.receive(SIPInbound(message: .response(ringing), source: trunk)),
                       [.cancelTimer(key, .a), .cancelTimer(key, .b), .response(ringing, key)])
        let ok = F.response(200, to: invite)
        XCTAssertEqual(table.receive(SIPInbound(message: .response(ok), source: trunk)).last, .response(ok, key))
        // ACK for 2xx is sent as is, without a transaction.
        let ack = F.request(.ack, branch: "z9hG4bKack")
        XCTAssertEqual(table.send(ack, to: trunk), [.send(SIPOutbound(message: .request(ack), destination: trunk))])
        XCTAssertEqual(table.count, 1)
        XCTAssertEqual(table.timerFired(.m, for: key), [])
        XCTAssertEqual(table.count, 0)
        let late = SIPInbound(message: .response(ok), source: trunk)
        XCTAssertEqual(table.receive(late), [.dialogMessage(late)])
        XCTAssertEqual(table.receive(SIPInbound(message: .response(F.response(486, to: invite)), source: trunk)), [])
    }

    func testServerInviteRejectAbsorbsRetransmissionsUntilAck() throws {
        var table = SIPTransactionTable()
        let invite = F.request(.invite)
        let key = try XCTUnwrap(SIPTransactionKey.server(for: invite))
        let first = table.receive(SIPInbound(message: .request(invite), source: phone))
        XCTAssertEqual(sent(first).map { if case .response(let r) = $0.message { return r.statusCode } else { return 0 } }, [100])
        XCTAssertEqual(first.last, .request(invite, source: phone, key: key))
        XCTAssertEqual(sent(table.receive(SIPInbound(message: .request(invite), source: phone))).count, 1,
                       "a retransmitted INVITE gets the 100 again, not a second TU request")
        let busy = F.response(486, to: invite)
        XCTAssertEqual(table.respond(busy, to: key), [
            .send(.response(busy, fallback: phone)),
            .startTimer(key, .g, .milliseconds(500)), .startTimer(key, .h, .seconds(32)),
        ])
        XCTAssertEqual(table.receive(SIPInbound(message: .request(F.request(.ack)), source: phone)),
                       [.cancelTimer(key, .g), .cancelTimer(key, .h), .startTimer(key, .i, .seconds(5))])
        XCTAssertEqual(table.timerFired(.i, for: key), [])
        XCTAssertEqual(table.count, 0)
    }

    func testCancelOfPendingInviteAndOfUnknownOne() throws {
        var table = SIPTransactionTable()
        let invite = F.request(.invite)
        let inviteKey = try XCTUnwrap(SIPTransactionKey.server(for: invite))
        _ = table.receive(SIPInbound(message: .request(invite), source: phone))
        let cancel = invite.makeCancel()
        let events = table.receive(SIPInbound(message: .request(cancel), source: phone))
        let cancelKey = try XCTUnwrap(SIPTransactionKey.server(for: cancel))
        XCTAssertEqual(events, [
            .send(.response(SIPResponse(replyingTo: cancel, statusCode: 200), fallback: phone)),
            .startTimer(cancelKey, .j, .seconds(32)),
            .cancelled(invite: inviteKey),
        ])
        let terminated = SIPResponse(replyingTo: invite, statusCode: 487, toTag: "w")
        XCTAssertEqual(sent(table.respond(terminated, to: inviteKey)).count, 1)

        let stray = F.request(.invite, branch: "z9hG4bKnone").makeCancel()
        let answer = sent(table.receive(SIPInbound(message: .request(stray), source: phone)))
        guard case .response(let response)? = answer.first?.message else { return XCTFail("expected a response") }
        XCTAssertEqual(response.statusCode, 481)
    }

    func testNonInviteServerAndRequestsWithoutMagicCookie() throws {
        var table = SIPTransactionTable()
        let bye = F.request(.bye)
        let key = try XCTUnwrap(SIPTransactionKey.server(for: bye))
        XCTAssertEqual(table.receive(SIPInbound(message: .request(bye), source: phone)), [.request(bye, source: phone, key: key)])
        XCTAssertEqual(table.receive(SIPInbound(message: .request(bye), source: phone)), [], "retransmission while trying")
        XCTAssertEqual(sent(table.respond(F.response(200, to: bye), to: key)).count, 1)
        XCTAssertEqual(sent(table.receive(SIPInbound(message: .request(bye), source: phone))).count, 1, "final repeated")

        let old = F.request(.options, branch: "1234")
        guard case .response(let reply)? = sent(table.receive(SIPInbound(message: .request(old), source: phone))).first?.message else {
            return XCTFail("expected a 400")
        }
        XCTAssertEqual(reply.statusCode, 400)
    }

    func testNewAckWithoutTransactionIsADialogMessage() {
        var table = SIPTransactionTable()
        let ack = SIPInbound(message: .request(F.request(.ack, branch: "z9hG4bKfresh")), source: phone)
        XCTAssertEqual(table.receive(ack), [.dialogMessage(ack)])
    }
}
