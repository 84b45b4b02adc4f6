import XCTest
@testable import WaihuSIP

/// Feeds random, truncated and mutated datagrams to the parser. The assertion is that
/// every input returns or throws a `SIPParseError` — a crash fails the whole run.
final class SIPParserFuzzTests: XCTestCase {
    /// SplitMix64: a seeded generator so that a failure can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private func survives(_ bytes: [UInt8]) -> Bool {
        do {
            let message = try SIPMessageParser.parse(bytes)
            // Whatever parsed must serialise, parse again and serialise to the same bytes.
            let wire = message.serialized()
            return (try? SIPMessageParser.parse(wire))?.serialized() == wire
        } catch let error as SIPParseError {
            _ = SIPMessageParser.badRequestResponse(to: bytes, error: error)
            return true
        } catch {
            return false
        }
    }

    func testEveryTruncationOfAValidMessage() {
        let valid = SIPTestMessages.sippInvite
        var accepted = 0
        for length in 0...valid.count {
            XCTAssertTrue(survives(Array(valid.prefix(length))))
            if (try? SIPMessageParser.parse(Array(valid.prefix(length)))) != nil { accepted += 1 }
        }
        // Only the full message parses: every shorter one cuts the body or the headers.
        XCTAssertEqual(accepted, 1)
    }

    func testRandomMutationsAndNoise() {
        var generator = SeededGenerator(state: 0x5EED_0005)
        let valid = SIPTestMessages.sippInvite
        let interesting: [UInt8] = Array(" \t\r\n:;,<>\"@=/\\[]?0123456789".utf8) + [0x00, 0xFF, 0xC3]
        for _ in 0..<3000 {
            var bytes = valid
            let edits = Int.random(in: 1...8, using: &generator)
            for _ in 0..<edits {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[position] = interesting.randomElement(using: &generator)!
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(interesting.randomElement(using: &generator)!, at: position)
                default: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                }
                if bytes.isEmpty { break }
            }
            XCTAssertTrue(survives(bytes))
        }
        for _ in 0..<1000 {
            let count = Int.random(in: 0...600, using: &generator)
            let noise = (0..<count).map { _ in interesting.randomElement(using: &generator)! }
            XCTAssertTrue(survives(noise))
        }
    }
}
