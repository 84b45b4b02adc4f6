import Foundation
import XCTest
@testable import WaihuMedia

final class WAVTests: XCTestCase {
    /// A minimal WAV built by hand so the expected bytes are visible in the test.
    private func wav(tag: UInt16, channels: UInt16, rate: UInt32, bits: UInt16, data: [UInt8], extraChunk: Bool = false) -> [UInt8] {
        func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
        let blockAlign = channels * bits / 8
        var body = Array("WAVE".utf8)
        if extraChunk { body += Array("LIST".utf8) + le32(3) + [1, 2, 3, 0] }
        body += Array("fmt ".utf8) + le32(16) + le16(tag) + le16(channels) + le32(rate)
            + le32(rate * UInt32(blockAlign)) + le16(blockAlign) + le16(bits)
        body += Array("data".utf8) + le32(UInt32(data.count)) + data
        return Array("RIFF".utf8) + le32(UInt32(body.count)) + body
    }

    func testReadsPCM16AndSkipsOddSizedChunks() throws {
        let file = try WAVFile(bytes: wav(tag: 1, channels: 1, rate: 8000, bits: 16, data: [0x01, 0x00, 0xFF, 0xFF, 0x00, 0x80], extraChunk: true))
        XCTAssertEqual(file.encoding, .pcm16)
        XCTAssertEqual(file.samples, [1, -1, -32768])
    }

    func testReadsG711() throws {
        let ulaw = try WAVFile(bytes: wav(tag: 7, channels: 1, rate: 8000, bits: 8, data: [0xFF, 0x00]))
        XCTAssertEqual(ulaw.encoding, .ulaw)
        XCTAssertEqual(ulaw.samples, [0, -32124])
        let alaw = try WAVFile(bytes: wav(tag: 6, channels: 1, rate: 8000, bits: 8, data: [0xD5]))
        XCTAssertEqual(alaw.samples, [8])
    }

    func testRefusesOtherFormatsWithAClearMessage() {
        XCTAssertThrowsError(try WAVFile(bytes: wav(tag: 1, channels: 2, rate: 44100, bits: 16, data: [0, 0, 0, 0]))) { error in
            XCTAssertEqual(error as? WAVError, .unsupportedFormat(formatTag: 1, channels: 2, sampleRate: 44100, bitsPerSample: 16))
            XCTAssertEqual("\(error)", "Unsupported WAV: 16-bit PCM, stereo, 44100 Hz. Use 8000 Hz mono 16-bit PCM, µ-law or A-law (e.g. `sox in.wav -r 8000 -c 1 -b 16 out.wav`)")
        }
        XCTAssertThrowsError(try WAVFile(bytes: wav(tag: 1, channels: 1, rate: 8000, bits: 8, data: [0]))) { error in
            XCTAssertEqual(error as? WAVError, .unsupportedFormat(formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 8))
        }
        XCTAssertThrowsError(try WAVFile(bytes: Array("ID3 not a wav at all".utf8))) { XCTAssertEqual($0 as? WAVError, .notWAV) }
        XCTAssertThrowsError(try WAVFile(bytes: Array("RIFF\u{4}\0\0\0WAVE".utf8))) { XCTAssertEqual($0 as? WAVError, .missingChunk("fmt")) }
    }

    func testStereoWriterPatchesHeaderAndInterleaves() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("waihu-rec-\(UUID().uuidString).wav").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try StereoWAVWriter(path: path)
        try writer.append(left: [1, 2], right: [-1])
        try writer.append(left: [], right: [7])
        try writer.close()
        try writer.close()
        XCTAssertEqual(writer.frameCount, 3)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(bytes.count, 44 + 12)
        XCTAssertEqual(Array(bytes[4..<8]), [48, 0, 0, 0], "RIFF size = 36 + data")
        XCTAssertEqual(Array(bytes[22..<24]), [2, 0], "two channels")
        XCTAssertEqual(Array(bytes[40..<44]), [12, 0, 0, 0], "data size patched")
        XCTAssertEqual(Array(bytes[44...]), [1, 0, 0xFF, 0xFF, 2, 0, 0, 0, 0, 0, 7, 0])
    }
}
