import XCTest
@testable import WaihuMedia

/// Prompt files are uploaded by users: damaged ones must be refused, never crash.
final class WAVFuzzTests: XCTestCase {
    func testTruncatedAndMutatedFilesNeverCrash() {
        func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        let data = [UInt8](repeating: 0x55, count: 64)
        let valid = Array("RIFF".utf8) + le32(36 + 64) + Array("WAVE".utf8) + Array("fmt ".utf8) + le32(16)
            + [7, 0, 1, 0] + le32(8000) + le32(8000) + [1, 0, 8, 0] + Array("data".utf8) + le32(64) + data
        XCTAssertEqual(try WAVFile(bytes: valid).samples.count, 64)
        for length in 0..<valid.count {
            _ = try? WAVFile(bytes: Array(valid.prefix(length)))
        }
        var state: UInt64 = 7
        for _ in 0..<3000 {
            var bytes = valid
            for _ in 0..<3 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes[Int(state >> 33) % bytes.count] = UInt8(truncatingIfNeeded: state >> 17)
            }
            if let file = try? WAVFile(bytes: bytes) {
                XCTAssertLessThanOrEqual(file.samples.count, bytes.count)
            }
        }
    }
}
