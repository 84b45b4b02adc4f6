import XCTest
@testable import WaihuSIP

final class SIPDialogTests: XCTestCase {
    private let ourContact = try! SIPURI(parsing: "sip:waihu@10.0.0.1:5060")

    private func invite() -> SIPRequest {
        var request = TransactionFixtures.request(.invite, cseq: 7)
        request.headers.add("Contact", "<sip:waihu@10.0.0.1:5060>")
        return request
    }

    private func answer(_ code: Int, to request: SIPRequest) -> SIPResponse {
        var response = SIPResponse(replyingTo: request, statusCode: code, toTag: "cust1")
        response.headers.add("Record-Route", "<sip:p2.example.cn;lr>, <sip:p1.example.cn;lr>")
        response.headers.add("Contact", "<sip:13800138000@192.0.2.9:5070>")
        return response
    }

    func testUACDialogFromRingingThenOK() throws {
        let request = invite()
        var dialog = try XCTUnwrap(SIPDialog(sentInvite: request, response: answer(180, to: request), localContact: ourContact))
        XCTAssertEqual(dialog.state, .early)
        XCTAssertEqual(dialog.id, SIPDialog.ID(callID: "call-1@10.0.0.1", localTag: "from1", remoteTag: "cust1"))
        XCTAssertEqual(dialog.routeSet.map(\.uri.host), ["p1.example.cn", "p2.example.cn"])
        XCTAssertEqual(dialog.remoteTarget.host, "192.0.2.9")
        dialog.receive(answer(200, to: request))
        XCTAssertEqual(dialog.state, .confirmed)

        let ack = dialog.makeAck(inviteSequence: 7, via: Via(host: "10.0.0.1", port: 5060, branch: "z9hG4bKack"))
        XCTAssertEqual(ack.cseq, CSeq(7, .ack))
        XCTAssertEqual(ack.uri.host, "192.0.2.9")
        XCTAssertEqual(ack.headers.values("Route"), ["<sip:p1.example.cn;lr>", "<sip:p2.example.cn;lr>"])

        let bye = dialog.makeRequest(.bye, via: Via(host: "10.0.0.1", port: 5060, branch: "z9hG4bKbye"))
        XCTAssertEqual(bye.cseq, CSeq(8, .bye))
        XCTAssertEqual(bye.from?.tag, "from1")
        XCTAssertEqual(bye.to?.tag, "cust1")
        XCTAssertEqual(bye.to?.uri.user, "13800138000")
        XCTAssertEqual(bye.topVia?.branch, "z9hG4bKbye")
        XCTAssertNil(bye.headers["Contact"])
        XCTAssertEqual(dialog.makeRequest(.info, via: Via(host: "h", branch: "z9hG4bKi")).cseq?.number, 9)

        var byeOK = SIPResponse(replyingTo: bye, statusCode: 200)
        byeOK.headers.set("CSeq", "8 BYE")
        dialog.receive(byeOK)
        XCTAssertEqual(dialog.state, .terminated)
    }

    func testNoDialogWithoutToTagAndEarlyDialogEndsOnReject() {
        let request = invite()
        let trying = SIPResponse(replyingTo: request, statusCode: 100)
        XCTAssertNil(SIPDialog(sentInvite: request, response: trying, localContact: ourContact))
        var dialog = SIPDialog(sentInvite: request, response: answer(183, to: request), localContact: ourContact)!
        dialog.receive(answer(486, to: request))
        XCTAssertEqual(dialog.state, .terminated)
    }

    func testStrictRouteGoesIntoRequestURI() {
        let request = invite()
        var response = SIPResponse(replyingTo: request, statusCode: 200, toTag: "t")
        response.headers.add("Record-Route", "<sip:strict.example.cn>")
        response.headers.add("Contact", "<sip:c@192.0.2.9>")
        var dialog = SIPDialog(sentInvite: request, response: response, localContact: ourContact)!
        let bye = dialog.makeRequest(.bye, via: Via(host: "h", branch: "z9hG4bKs"))
        XCTAssertEqual(bye.uri.host, "strict.example.cn")
        XCTAssertEqual(bye.headers.values("Route"), ["<sip:c@192.0.2.9>"])
    }

    func testUASDialogChecksCSeqOrderAndEndsOnBye() throws {
        var request = TransactionFixtures.request(.invite, cseq: 20)
        request.headers.add("Contact", "<sip:phone@192.168.1.50:5060>")
        request.headers.add("Record-Route", "<sip:p1;lr>, <sip:p2;lr>")
        var dialog = try XCTUnwrap(SIPDialog(receivedInvite: request, localTag: "w9", localContact: ourContact))
        XCTAssertEqual(dialog.state, .early)
        XCTAssertEqual(dialog.remoteTag, "from1")
        XCTAssertEqual(dialog.routeSet.map(\.uri.host), ["p1", "p2"], "UAS keeps Record-Route order")
        XCTAssertEqual(dialog.receive(TransactionFixtures.request(.ack, cseq: 20)), .accept)
        XCTAssertEqual(dialog.state, .confirmed)
        XCTAssertEqual(dialog.receive(TransactionFixtures.request(.info, cseq: 20)), .rejectOutOfOrder)
        XCTAssertEqual(dialog.receive(TransactionFixtures.request(.info, cseq: 21)), .accept)
        XCTAssertEqual(dialog.receive(TransactionFixtures.request(.bye, cseq: 22)), .accept)
        XCTAssertEqual(dialog.state, .terminated)
        // Our BYE would go to the phone's Contact with From/To swapped.
        var other = dialog
        let bye = other.makeRequest(.bye, via: Via(host: "h", branch: "z9hG4bKb"))
        XCTAssertEqual(bye.uri.host, "192.168.1.50")
        XCTAssertEqual(bye.from?.tag, "w9")
        XCTAssertEqual(bye.to?.tag, "from1")
    }

    func testCancelCopiesInviteIdentity() {
        let request = invite()
        let cancel = request.makeCancel()
        XCTAssertEqual(cancel.method, .cancel)
        XCTAssertEqual(cancel.uri, request.uri)
        XCTAssertEqual(cancel.cseq, CSeq(7, .cancel))
        XCTAssertEqual(cancel.topVia?.branch, request.topVia?.branch)
        XCTAssertNil(cancel.to?.tag)
        XCTAssertEqual(cancel.headers.values("Route"), request.headers.values("Route"))
        XCTAssertEqual(SIPTransactionKey.client(for: cancel)?.method, .cancel)
    }

    func testIdentifiersHaveMagicCookieAndDiffer() {
        let branch = SIPIdentifiers.branch()
        XCTAssertTrue(branch.hasPrefix("z9hG4bK"))
        XCTAssertEqual(branch.count, 23)
        XCTAssertNotEqual(SIPIdentifiers.tag(), SIPIdentifiers.tag())
        XCTAssertTrue(SIPIdentifiers.callID(host: "10.0.0.1").hasSuffix("@10.0.0.1"))
    }
}
