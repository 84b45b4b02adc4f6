import XCTest
@testable import WaihuSIP

final class SDPTests: XCTestCase {
    private func sdp(_ text: String) throws -> SessionDescription {
        try SessionDescription(parsing: SIPTestMessages.crlf(text))
    }

    func testParseSIPpOfferAndRoundTrip() throws {
        guard case .request(let invite) = try SIPMessageParser.parse(SIPTestMessages.sippInvite) else { return XCTFail() }
        let offer = try SessionDescription(parsing: invite.body)
        XCTAssertEqual(offer.sessionID, 53655765)
        XCTAssertEqual(offer.connectionAddress, "127.0.0.1")
        XCTAssertEqual(offer.media.count, 1)
        XCTAssertEqual(offer.media[0].port, 16200)
        XCTAssertEqual(offer.media[0].formats, ["8", "0", "101"])
        XCTAssertEqual(offer.media[0].rtpmaps[101]?.encoding, "telephone-event")
        XCTAssertEqual(offer.media[0].direction, .sendrecv)
        XCTAssertEqual(try SessionDescription(parsing: offer.serialized()), offer)
    }

    func testAnswerPicksOfferersFirstCommonCodecAndKeepsEventPT() throws {
        let offer = try sdp("""
        v=0
        o=- 1 1 IN IP4 192.0.2.1
        s=-
        c=IN IP4 192.0.2.1
        t=0 0
        m=audio 30000 RTP/AVP 18 0 8 96
        a=rtpmap:18 G729/8000
        a=rtpmap:96 telephone-event/8000
        a=fmtp:96 0-15
        a=sendonly
        """)
        let (answer, media) = try SDPNegotiator().answer(offer, address: "10.0.0.1", port: 20000, sessionID: 7)
        XCTAssertEqual(media, NegotiatedMedia(codec: .pcmu, payloadType: 0, telephoneEventPayloadType: 96,
                                              remoteAddress: "192.0.2.1", remotePort: 30000, direction: .recvonly,
                                              packetTimeMilliseconds: 20))
        let text = String(decoding: answer.serialized(), as: UTF8.self)
        XCTAssertEqual(text, """
        v=0\r
        o=waihu 7 1 IN IP4 10.0.0.1\r
        s=waihu\r
        c=IN IP4 10.0.0.1\r
        t=0 0\r
        m=audio 20000 RTP/AVP 0 96\r
        a=rtpmap:0 PCMU/8000\r
        a=rtpmap:96 telephone-event/8000\r
        a=fmtp:96 0-16\r
        a=ptime:20\r
        a=recvonly\r

        """)
    }

    func testDynamicPCMAAndRejectedVideoAndMediaLevelConnection() throws {
        let offer = try sdp("""
        v=0
        o=- 1 1 IN IP4 192.0.2.1
        s=-
        t=0 0
        m=video 4000 RTP/AVP 99
        m=audio 4002 RTP/AVP 97
        c=IN IP4 198.51.100.4
        a=rtpmap:97 pcma/8000
        a=ptime:30
        """)
        let (answer, media) = try SDPNegotiator().answer(offer, address: "10.0.0.1", port: 20000, sessionID: 1)
        XCTAssertEqual(media.codec, .pcma)
        XCTAssertEqual(media.payloadType, 97)
        XCTAssertNil(media.telephoneEventPayloadType)
        XCTAssertEqual(media.remoteAddress, "198.51.100.4")
        XCTAssertEqual(media.packetTimeMilliseconds, 30)
        XCTAssertEqual(answer.media.map(\.port), [0, 20000], "same number of m-lines, video refused")
    }

    func testNoCommonCodecIs488() throws {
        let offer = try sdp("""
        v=0
        o=- 1 1 IN IP4 192.0.2.1
        s=-
        c=IN IP4 192.0.2.1
        t=0 0
        m=audio 30000 RTP/AVP 18 9
        """)
        XCTAssertThrowsError(try SDPNegotiator().answer(offer, address: "a", port: 1, sessionID: 1)) { error in
            XCTAssertEqual(error as? SDPNegotiationError, .noCommonCodec(offered: ["18", "9"]))
            XCTAssertEqual((error as? SDPNegotiationError)?.statusCode, 488)
        }
        XCTAssertThrowsError(try SDPNegotiator().answer(body: Array("garbage".utf8), address: "a", port: 1, sessionID: 1)) { error in
            XCTAssertEqual(error as? SDPNegotiationError, .invalid(.invalidLine("garbage")))
        }
    }

    func testOfferAndAcceptAnswer() throws {
        let negotiator = SDPNegotiator(codecs: [.pcma, .pcmu])
        let offer = negotiator.makeOffer(address: "10.0.0.1", port: 20002, sessionID: 42)
        XCTAssertEqual(offer.media[0].formats, ["8", "0", "101"])
        XCTAssertEqual(offer.media[0].rtpmaps[101]?.encoding, "telephone-event")
        let answer = try sdp("""
        v=0
        o=- 5 5 IN IP4 192.0.2.9
        s=-
        c=IN IP4 192.0.2.9
        t=0 0
        m=audio 16000 RTP/AVP 8 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        """)
        let media = try negotiator.accept(answer: answer)
        XCTAssertEqual(media.codec, .pcma)
        XCTAssertEqual(media.telephoneEventPayloadType, 101)
        XCTAssertEqual(media.remotePort, 16000)
    }
}
