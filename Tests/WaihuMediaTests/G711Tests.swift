import XCTest
@testable import WaihuMedia

final class G711Tests: XCTestCase {
    func testKnownCodeWords() {
        // Silence encodes to 0xFF in µ-law and 0xD5 in A-law (G.711 tables).
        XCTAssertEqual(G711.ulaw(fromLinear: 0), 0xFF)
        XCTAssertEqual(G711.alaw(fromLinear: 0), 0xD5)
        XCTAssertEqual(G711.linear(fromUlaw: 0xFF), 0)
    }

    func testRoundTripErrorStaysWithinTheQuantizationStep() {
        for sample in stride(from: -32000, through: 32000, by: 97) {
            let s = Int16(sample)
            let u = Int(G711.linear(fromUlaw: G711.ulaw(fromLinear: s)))
            let a = Int(G711.linear(fromAlaw: G711.alaw(fromLinear: s)))
            let tolerance = max(16, abs(sample) / 16)
            XCTAssertLessThanOrEqual(abs(u - sample), tolerance, "ulaw \(sample)")
            XCTAssertLessThanOrEqual(abs(a - sample), tolerance, "alaw \(sample)")
        }
    }
}
