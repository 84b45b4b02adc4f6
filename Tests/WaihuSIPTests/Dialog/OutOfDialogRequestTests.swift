import XCTest
@testable import WaihuSIP

final class OutOfDialogRequestTests: XCTestCase {
    func testInviteToTrunkHasMandatoryHeadersAndParses() throws {
        let customer = SIPURI(user: "13800138000", host: "192.0.2.10", port: 5060)
        var invite = SIPRequest.outOfDialog(.invite, to: customer,
                                            from: SIPAddress(displayName: "Renewal", uri: SIPURI(user: "02161234567", host: "10.0.0.1")),
                                            contact: SIPURI(user: "waihu", host: "10.0.0.1", port: 5062),
                                            localHost: "10.0.0.1", localPort: 5062)
        invite.headers.add("Content-Type", "application/sdp")
        invite.body = SDPNegotiator().makeOffer(address: "10.0.0.1", port: 16000, sessionID: 9).serialized()
        guard case .request(let parsed) = try SIPMessageParser.parse(invite.serialized()) else { return XCTFail() }
        XCTAssertEqual(parsed.uri, customer)
        XCTAssertEqual(parsed.cseq, CSeq(1, .invite))
        XCTAssertTrue(parsed.topVia?.branch?.hasPrefix("z9hG4bK") ?? false)
        XCTAssertTrue(parsed.topVia?.requestsRport ?? false)
        XCTAssertEqual(parsed.topVia?.sentBy, "10.0.0.1:5062")
        XCTAssertNotNil(parsed.from?.tag)
        XCTAssertEqual(parsed.from?.displayName, "Renewal")
        XCTAssertNil(parsed.to?.tag)
        XCTAssertEqual(parsed.to?.uri, customer)
        XCTAssertEqual(parsed.headers["Max-Forwards"], "70")
        XCTAssertTrue(parsed.callID?.hasSuffix("@10.0.0.1") ?? false)
        XCTAssertEqual(try SessionDescription(parsing: parsed.body).media.first?.port, 16000)
    }
}
