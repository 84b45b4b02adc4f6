import XCTest
@testable import WaihuDomain

/// Random spellings built from the characters phone cells contain: the parser must not
/// trap on any of them, and every number it accepts must read back the same from its
/// key, its national number and its display form.
final class PhoneNumberPropertyTests: XCTestCase {
    /// A fixed-seed generator, so a failure can be replayed.
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testAcceptedNumbersReadBackTheSame() throws {
        var generator = SplitMix64(state: 20_260_305)
        let pieces = ["0", "1", "2", "3", "5", "6", "8", "9", "86", "+86", "0086", "021", "0571", "010", "138",
                      " ", "-", "(", ")", "转", "x", "ext", "１", "－", "（", "）", "12345678", "62345678", "8888888",
                      "13800138000", "138 0013 8000", "021-62345678", "(0571)", "+86 10 ", "转801", "-801"]
        var accepted = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...5, using: &generator)
            let raw = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            guard case .success(let number) = PhoneNumber.parse(raw) else { continue }
            accepted += 1
            XCTAssertEqual(try PhoneNumber(parsing: number.key).key, number.key, raw)
            XCTAssertEqual(try PhoneNumber(parsing: number.nationalNumber).key, number.key, raw)
            XCTAssertEqual(try PhoneNumber(parsing: number.displayString), number, raw)
            XCTAssertTrue(number.key.hasPrefix("+86"), raw)
        }
        XCTAssertGreaterThan(accepted, 100, "the generator should produce some valid numbers")
    }
}
