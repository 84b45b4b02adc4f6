import Foundation
import XCTest
import ZIPFoundation
@testable import WaihuServer

/// The checksum a ZIP stores per entry, computed eight bytes a step, agrees with the
/// byte-at-a-time definition in any chunking.
final class ZIPChecksumTests: XCTestCase {
    private func checksum(_ bytes: [UInt8], from start: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { ZIPChecksum.update(start, with: $0) }
    }

    func testTheStandardCheckValue() {
        XCTAssertEqual(checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(checksum([]), 0)
        XCTAssertEqual(checksum(Array("The quick brown fox jumps over the lazy dog".utf8)), 0x414F_A339)
    }

    func testChunksGiveTheChecksumOfTheWhole() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        // ZIPFoundation's byte-at-a-time checksum (on Linux) is the reference.
        let expected = Data(bytes).crc32(checksum: 0)
        XCTAssertEqual(checksum(bytes), expected)
        for split in [1, 7, 8, 9, 4_095, 9_999] {
            let first = checksum(Array(bytes[..<split]))
            XCTAssertEqual(checksum(Array(bytes[split...]), from: first), expected, "split at \(split)")
        }
    }
}
