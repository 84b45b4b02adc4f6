import XCTest
@testable import WaihuSIP

/// Offers arrive from untrusted peers: mangled SDP must give an error (488), never a crash.
final class SDPFuzzTests: XCTestCase {
    func testMutatedOffersNeverCrash() throws {
        guard case .request(let invite) = try SIPMessageParser.parse(SIPTestMessages.sippInvite) else { return XCTFail() }
        let valid = invite.body
        var generator = SIPParserFuzzTests.SeededGenerator(state: 0x5D9)
        let alphabet: [UInt8] = Array("=: /\r\nmcvoa0123456789".utf8) + [0xFF]
        var answered = 0
        for _ in 0..<3000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...6, using: &generator) where !bytes.isEmpty {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                if Bool.random(using: &generator) {
                    bytes[position] = alphabet.randomElement(using: &generator)!
                } else {
                    bytes.remove(at: position)
                }
            }
            do {
                let (answer, media) = try SDPNegotiator().answer(body: bytes, address: "10.0.0.1", port: 20000, sessionID: 1)
                XCTAssertTrue([SDPAudioCodec.pcma, .pcmu].contains(media.codec))
                XCTAssertNoThrow(try SessionDescription(parsing: answer.serialized()))
                answered += 1
            } catch is SDPNegotiationError {
                continue
            }
        }
        // Most single-byte damage leaves an answerable offer; all-failing would mean a broken test.
        XCTAssertGreaterThan(answered, 100)
    }
}
