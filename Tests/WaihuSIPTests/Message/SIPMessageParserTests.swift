import XCTest
@testable import WaihuSIP

final class SIPMessageParserTests: XCTestCase {
    private func parseRequest(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> SIPRequest {
        guard case .request(let request) = try SIPMessageParser.parse(bytes) else {
            XCTFail("expected a request", file: file, line: line)
            throw SIPParseError.empty
        }
        return request
    }

    private func parseError(_ bytes: [UInt8]) -> SIPParseError? {
        do {
            _ = try SIPMessageParser.parse(bytes)
            return nil
        } catch let error as SIPParseError {
            return error
        } catch {
            return nil
        }
    }

    func testSIPpInviteParsesWithBody() throws {
        let request = try parseRequest(SIPTestMessages.sippInvite)
        XCTAssertEqual(request.method, .invite)
        XCTAssertEqual(request.uri.user, "1001")
        XCTAssertEqual(request.uri.host, "127.0.0.1")
        XCTAssertEqual(request.uri.port, 5062)
        XCTAssertEqual(request.callID, "1-3171@127.0.0.1")
        XCTAssertEqual(request.cseq, CSeq(1, .invite))
        XCTAssertEqual(request.from?.tag, "3171SIPpTag001")
        XCTAssertEqual(request.from?.displayName, "sipp")
        XCTAssertNil(request.to?.tag)
        XCTAssertEqual(request.topVia?.branch, "z9hG4bK-3171-1-0")
        XCTAssertEqual(request.contacts.first?.uri.user, "sipp")
        XCTAssertEqual(request.body.count, 149)
        XCTAssertEqual(request.contentType, "application/sdp")
        XCTAssertTrue(String(decoding: request.body, as: UTF8.self).hasPrefix("v=0\r\n"))
    }

    /// Torture-style (after RFC 4475 §3.1.1.1): compact forms, odd case, whitespace
    /// around colons, folded lines, Via split across lines and commas, escaped quotes.
    func testWideRangeOfValidHeaderSpellings() throws {
        let text = """
        OPTIONS sip:waihu@example.cn;transport=udp SIP/2.0
        v: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKaaa;rport, SIP / 2.0 / UDP proxy.example.cn ;branch=z9hG4bKbbb
        VIA: SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bKccc;received=2001:db8::9
        f  :  "J \\"Rookie\\" Wang" <sip:wang@example.cn>;tag=ab12
        t: sip:waihu@example.cn
        i: folded-callid@host
        cSeQ:
           8
           OPTIONS
        m: <sip:wang@10.0.0.1:5060>, "Desk 2" <sip:wang@10.0.0.2>;expires=30
        Subject: one,
         two
        l: 0


        """
        let request = try parseRequest(SIPTestMessages.crlf(text))
        XCTAssertEqual(request.method, .options)
        XCTAssertEqual(request.uri.transport, "UDP")
        let vias = request.vias
        XCTAssertEqual(vias.count, 3)
        XCTAssertEqual(vias.map(\.branch), ["z9hG4bKaaa", "z9hG4bKbbb", "z9hG4bKccc"])
        XCTAssertTrue(vias[0].requestsRport)
        XCTAssertNil(vias[0].rport)
        XCTAssertEqual(vias[1].host, "proxy.example.cn")
        XCTAssertEqual(vias[2].host, "[2001:db8::9]")
        XCTAssertEqual(vias[2].port, 5070)
        XCTAssertEqual(request.from?.displayName, "J \"Rookie\" Wang")
        XCTAssertEqual(request.from?.tag, "ab12")
        XCTAssertEqual(request.to?.uri.user, "waihu")
        XCTAssertEqual(request.callID, "folded-callid@host")
        XCTAssertEqual(request.cseq, CSeq(8, .options))
        XCTAssertEqual(request.contacts.count, 2)
        XCTAssertEqual(request.contacts[1].displayName, "Desk 2")
        XCTAssertEqual(request.contacts[1].parameters.value("expires"), "30")
        // Subject is not a list header: its comma stays inside one value.
        XCTAssertEqual(request.headers.values("Subject"), ["one, two"])
        XCTAssertEqual(request.headers["s"], "one, two")
        XCTAssertTrue(request.body.isEmpty)
    }

    func testLineFeedOnlyAndLeadingKeepAliveAreAccepted() throws {
        let text = "\r\n\r\nBYE sip:a@b SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:x@y>;tag=1\nTo: <sip:a@b>;tag=2\nCall-ID: c1\nCSeq: 2 BYE\n\n"
        let request = try parseRequest(Array(text.utf8))
        XCTAssertEqual(request.method, .bye)
        XCTAssertEqual(request.to?.tag, "2")
    }

    func testContentLengthLongerThanDatagramIsRejected() {
        var bytes = SIPTestMessages.sippInvite
        bytes.removeLast(10)
        XCTAssertEqual(parseError(bytes), .bodyTruncated(expected: 149, available: 139))
    }

    func testBytesAfterContentLengthAreIgnoredOnUDP() throws {
        let bytes = SIPTestMessages.sippInvite + Array("garbage".utf8)
        XCTAssertEqual(try parseRequest(bytes).body.count, 149)
    }

    func testMissingContentLengthTakesRestOfDatagram() throws {
        let text = "MESSAGE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:x@y>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: c1\r\nCSeq: 1 MESSAGE\r\n\r\nhello"
        XCTAssertEqual(try parseRequest(Array(text.utf8)).body, Array("hello".utf8))
    }

    func testMalformedInputsGiveTypedErrors() {
        let base = "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:x@y>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: c1\r\n"
        XCTAssertEqual(parseError(Array("OPTIONS sip:a@b SIP/2.0\r\n\(base)\r\n".utf8)), .missingHeader("CSeq"))
        XCTAssertEqual(parseError(Array("OPTIONS sip:a@b SIP/2.0\r\n\(base)CSeq: 1 INVITE\r\n\r\n".utf8)),
                       .cseqMethodMismatch(requestMethod: "OPTIONS", cseqMethod: "INVITE"))
        XCTAssertEqual(parseError(Array("OPTIONS sip:a@b SIP/7.0\r\n\(base)CSeq: 1 OPTIONS\r\n\r\n".utf8)),
                       .unsupportedVersion("SIP/7.0"))
        XCTAssertEqual(parseError(Array("OPTIONS sip:a@b SIP/2.0\r\n\(base)CSeq: 1 OPTIONS\r\nContent-Length: -5\r\n\r\n".utf8)),
                       .invalidContentLength("-5"))
        XCTAssertEqual(parseError(Array("OPTIONS sip:a@b SIP/2.0\r\n\(base)CSeq: 99999999999 OPTIONS\r\n\r\n".utf8)),
                       .invalidCSeq("99999999999 OPTIONS"))
        XCTAssertEqual(parseError(Array("SIP/2.0 6000 Weird\r\n\(base)CSeq: 1 OPTIONS\r\n\r\n".utf8)),
                       .invalidStatusCode("6000"))
        XCTAssertEqual(parseError(Array("OPTIONS sip:a@b SIP/2.0\r\n\(base)CSeq: 1 OPTIONS\r\n".utf8)),
                       .missingHeaderTerminator)
        XCTAssertEqual(parseError(Array("OPTIONS sip:a@b SIP/2.0\r\nNoColonHere\r\n\(base)CSeq: 1 OPTIONS\r\n\r\n".utf8)),
                       .invalidHeaderLine("NoColonHere"))
        XCTAssertEqual(parseError(Array("OPTIONS sip:a@b:99999 SIP/2.0\r\n\(base)CSeq: 1 OPTIONS\r\n\r\n".utf8)),
                       .invalidURI("sip:a@b:99999"))
        XCTAssertEqual(parseError([0xFF, 0xFE, 0x0D, 0x0A, 0x0D, 0x0A]), .notUTF8)
        XCTAssertEqual(parseError(Array("\r\n\r\n".utf8)), .empty)
    }

    func testBadRequestAnswerIsAddressedFromTheBrokenRequest() throws {
        let text = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h:5070;branch=z9hG4bK7\r\nFrom: <sip:x@y>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: c9\r\nCSeq: 3 INVITE\r\n\r\n"
        let bytes = Array(text.utf8)
        let error = try XCTUnwrap(parseError(bytes))
        let response = try XCTUnwrap(SIPMessageParser.badRequestResponse(to: bytes, error: error))
        XCTAssertEqual(response.statusCode, 400)
        XCTAssertEqual(response.callID, "c9")
        XCTAssertEqual(response.topVia?.branch, "z9hG4bK7")
        XCTAssertTrue(response.reasonPhrase.hasPrefix("Bad Request - CSeq method INVITE"))
        // Nothing to address a reply to: dropped.
        XCTAssertNil(SIPMessageParser.badRequestResponse(to: Array("hello\r\n\r\n".utf8), error: .empty))
    }

    func testSerializeThenParseRoundTrips() throws {
        let original = try parseRequest(SIPTestMessages.sippInvite)
        let bytes = original.serialized()
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("INVITE sip:1001@127.0.0.1:5062 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-3171-1-0\r\n"))
        XCTAssertTrue(text.contains("\r\nContent-Length: 149\r\n\r\nv=0"))
        XCTAssertEqual(try parseRequest(bytes), original)
    }

    func testResponseParses() throws {
        let text = "SIP/2.0 180 Ringing Now\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1;received=1.2.3.4;rport=6000\r\nFrom: <sip:x@y>;tag=1\r\nTo: <sip:a@b>;tag=9\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"
        guard case .response(let response) = try SIPMessageParser.parse(Array(text.utf8)) else {
            return XCTFail("expected response")
        }
        XCTAssertEqual(response.statusCode, 180)
        XCTAssertEqual(response.reasonPhrase, "Ringing Now")
        XCTAssertEqual(response.topVia?.responseTarget.host, "1.2.3.4")
        XCTAssertEqual(response.topVia?.responseTarget.port, 6000)
        XCTAssertTrue(response.isProvisional)
    }
}
