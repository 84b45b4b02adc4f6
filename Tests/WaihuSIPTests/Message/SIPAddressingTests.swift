import XCTest
@testable import WaihuSIP

final class SIPAddressingTests: XCTestCase {
    func testURIWithEverything() throws {
        let uri = try SIPURI(parsing: "sips:alice:secret@Example.CN:5071;transport=tcp;lr?subject=hi")
        XCTAssertEqual(uri.scheme, "sips")
        XCTAssertEqual(uri.user, "alice")
        XCTAssertEqual(uri.password, "secret")
        XCTAssertEqual(uri.host, "example.cn")
        XCTAssertEqual(uri.port, 5071)
        XCTAssertEqual(uri.transport, "TCP")
        XCTAssertTrue(uri.parameters.contains("LR"))
        XCTAssertEqual(uri.headers, "subject=hi")
        XCTAssertEqual(uri.description, "sips:alice:secret@example.cn:5071;transport=tcp;lr?subject=hi")
    }

    func testTelephoneSubscriberUserWithSemicolonAndIPv6Host() throws {
        let uri = try SIPURI(parsing: "sip:+8613800138000;phone-context=cn@[2001:db8::1]:5060;user=phone")
        XCTAssertEqual(uri.user, "+8613800138000;phone-context=cn")
        XCTAssertEqual(uri.host, "[2001:db8::1]")
        XCTAssertEqual(uri.port, 5060)
        XCTAssertEqual(uri.parameters.value("user"), "phone")
        XCTAssertEqual(uri.effectivePort, 5060)
    }

    func testTelURIAndRejectedSchemes() throws {
        let tel = try SIPURI(parsing: "tel:+8610086;phone-context=+86")
        XCTAssertEqual(tel.user, "+8610086")
        XCTAssertEqual(tel.parameters.value("phone-context"), "+86")
        XCTAssertEqual(tel.description, "tel:+8610086;phone-context=+86")
        XCTAssertThrowsError(try SIPURI(parsing: "http://example.cn"))
        XCTAssertThrowsError(try SIPURI(parsing: "sip:"))
        XCTAssertThrowsError(try SIPURI(parsing: "sip:a@host:0"))
        XCTAssertThrowsError(try SIPURI(parsing: "sip:a b@host"))
    }

    func testAddressForms() throws {
        let named = try SIPAddress(parsing: "Agent 7 <sip:7@10.0.0.7>;tag=x1")
        XCTAssertEqual(named.displayName, "Agent 7")
        XCTAssertEqual(named.tag, "x1")
        // addr-spec: ;tag belongs to the header, not the URI.
        let bare = try SIPAddress(parsing: "sip:7@10.0.0.7;tag=x2")
        XCTAssertEqual(bare.tag, "x2")
        XCTAssertTrue(bare.uri.parameters.isEmpty)
        var quoted = try SIPAddress(parsing: "\"Wang, \\\"Li\\\"\" <sip:wl@h>")
        XCTAssertEqual(quoted.displayName, "Wang, \"Li\"")
        quoted.tag = "t9"
        XCTAssertEqual(quoted.description, "\"Wang, \\\"Li\\\"\" <sip:wl@h>;tag=t9")
        XCTAssertThrowsError(try SIPAddress(parsing: "<sip:a@b"))
        XCTAssertThrowsError(try SIPAddress(parsing: "\"unterminated <sip:a@b>"))
    }

    func testViaRportStamping() throws {
        var via = try Via(parsing: "SIP/2.0/UDP 192.168.1.20:5060;branch=z9hG4bKx;rport")
        XCTAssertEqual(via.responseTarget.host, "192.168.1.20")
        XCTAssertEqual(via.responseTarget.port, 5060)
        via.stampSource(host: "203.0.113.5", port: 40123)
        XCTAssertEqual(via.description, "SIP/2.0/UDP 192.168.1.20:5060;branch=z9hG4bKx;rport=40123;received=203.0.113.5")
        XCTAssertEqual(via.responseTarget.host, "203.0.113.5")
        XCTAssertEqual(via.responseTarget.port, 40123)

        // Without rport only `received` is added, and only when the address differs.
        var plain = try Via(parsing: "SIP/2.0/UDP 192.168.1.20;branch=z9hG4bKy")
        plain.stampSource(host: "192.168.1.20", port: 5060)
        XCTAssertNil(plain.received)
        plain.stampSource(host: "203.0.113.5", port: 40123)
        XCTAssertEqual(plain.responseTarget.host, "203.0.113.5")
        XCTAssertEqual(plain.responseTarget.port, 5060)
        XCTAssertThrowsError(try Via(parsing: "SIP/3.0/UDP h;branch=z9hG4bK1"))
        XCTAssertThrowsError(try Via(parsing: "SIP/2.0/UDP"))
    }

    func testHeadersOrderCaseAndListSplitting() {
        var headers = SIPHeaders([("Via", "SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/UDP b;branch=z9hG4bK2"),
                                  ("call-id", "abc"), ("Via", "SIP/2.0/UDP c;branch=z9hG4bK3")])
        XCTAssertEqual(headers["CALL-ID"], "abc")
        XCTAssertEqual(headers["i"], "abc")
        XCTAssertEqual(headers.fields[1].name, "Call-ID")
        XCTAssertEqual(headers.values("v").count, 3)
        headers.removeFirstValue("Via")
        XCTAssertEqual(headers.values("Via"), ["SIP/2.0/UDP b;branch=z9hG4bK2", "SIP/2.0/UDP c;branch=z9hG4bK3"])
        headers.prepend("Via", "SIP/2.0/UDP top;branch=z9hG4bK0")
        XCTAssertEqual(headers.values("Via").first, "SIP/2.0/UDP top;branch=z9hG4bK0")
        headers.set("Via", "only")
        XCTAssertEqual(headers.values("Via"), ["only"])
        headers.remove("VIA")
        XCTAssertFalse(headers.contains("Via"))
        XCTAssertEqual(SIPHeaders.splitList("<sip:a@b;x=1,2>, \"c,d\" <sip:e@f>"), ["<sip:a@b;x=1,2>", "\"c,d\" <sip:e@f>"])
    }

    func testResponseReplyingToCopiesHeadersAndAddsTag() throws {
        guard case .request(let invite) = try SIPMessageParser.parse(SIPTestMessages.sippInvite) else {
            return XCTFail("expected request")
        }
        let ringing = SIPResponse(replyingTo: invite, statusCode: 180, toTag: "w1")
        XCTAssertEqual(ringing.reasonPhrase, "Ringing")
        XCTAssertEqual(ringing.to?.tag, "w1")
        XCTAssertEqual(ringing.callID, invite.callID)
        XCTAssertEqual(ringing.cseq, invite.cseq)
        XCTAssertEqual(ringing.topVia?.branch, "z9hG4bK-3171-1-0")
        // 100 Trying carries no To tag (RFC 3261 §8.2.6.2).
        XCTAssertNil(SIPResponse(replyingTo: invite, statusCode: 100, toTag: "w1").to?.tag)
    }
}
