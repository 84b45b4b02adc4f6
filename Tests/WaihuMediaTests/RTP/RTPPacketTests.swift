import XCTest
@testable import WaihuMedia

final class RTPPacketTests: XCTestCase {
    func testSerializeKnownBytesAndParseBack() throws {
        let packet = RTPPacket(payloadType: 8, marker: true, sequenceNumber: 0x1234, timestamp: 0xDEADBEEF,
                               ssrc: 0x01020304, payload: [0xD5, 0xD5])
        let bytes = packet.serialized()
        XCTAssertEqual(bytes, [0x80, 0x88, 0x12, 0x34, 0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02, 0x03, 0x04, 0xD5, 0xD5])
        XCTAssertEqual(try RTPPacket(parsing: bytes), packet)
    }

    func testCSRCExtensionAndPaddingAreHandled() throws {
        // V=2 P=1 X=1 CC=1, PT 0, then CSRC, a one-word extension, payload AB CD, 2 bytes padding.
        let bytes: [UInt8] = [0xB1, 0x00, 0x00, 0x01, 0, 0, 0, 160, 0, 0, 0, 9,
                              0, 0, 0, 7,
                              0xBE, 0xDE, 0x00, 0x01, 1, 2, 3, 4,
                              0xAB, 0xCD, 0x00, 0x02]
        let packet = try RTPPacket(parsing: bytes)
        XCTAssertEqual(packet.csrcs, [7])
        XCTAssertEqual(packet.payload, [0xAB, 0xCD])
        XCTAssertEqual(packet.timestamp, 160)
        XCTAssertEqual(packet.ssrc, 9)
    }

    func testMalformedPacketsThrow() {
        XCTAssertThrowsError(try RTPPacket(parsing: [0x80, 0])) { XCTAssertEqual($0 as? RTPParseError, .tooShort(2)) }
        XCTAssertThrowsError(try RTPPacket(parsing: [0x40] + [UInt8](repeating: 0, count: 11))) {
            XCTAssertEqual($0 as? RTPParseError, .unsupportedVersion(1))
        }
        XCTAssertThrowsError(try RTPPacket(parsing: [0x8F] + [UInt8](repeating: 0, count: 11))) {
            XCTAssertEqual($0 as? RTPParseError, .headerOverrun)
        }
        XCTAssertThrowsError(try RTPPacket(parsing: [0xA0] + [UInt8](repeating: 0, count: 10) + [5])) {
            XCTAssertEqual($0 as? RTPParseError, .invalidPadding)
        }
    }

    func testRandomBytesNeverCrash() {
        var state: UInt64 = 42
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let count = Int(state >> 58)
            var bytes: [UInt8] = []
            for index in 0..<count { bytes.append(UInt8(truncatingIfNeeded: state >> (index % 56))) }
            if let packet = try? RTPPacket(parsing: bytes) {
                XCTAssertLessThanOrEqual(packet.payload.count, bytes.count - 12)
            }
        }
    }

    func testSenderSequenceTimestampMarkerAndWrap() {
        var sender = RTPSender(ssrc: 77, initialSequenceNumber: 65534, initialTimestamp: UInt32.max - 100)
        let first = sender.audioPacket(payloadType: 0, payload: [1])
        let second = sender.audioPacket(payloadType: 0, payload: [2])
        let third = sender.audioPacket(payloadType: 0, payload: [3])
        XCTAssertEqual([first.sequenceNumber, second.sequenceNumber, third.sequenceNumber], [65534, 65535, 0])
        XCTAssertEqual([first.timestamp, second.timestamp, third.timestamp], [UInt32.max - 100, 59, 219])
        XCTAssertEqual([first.marker, second.marker, third.marker], [true, false, false])
        XCTAssertEqual(Set([first.ssrc, second.ssrc, third.ssrc]), [77])
        sender.advance(samples: 320)
        let afterPause = sender.audioPacket(payloadType: 0, payload: [4])
        XCTAssertEqual(afterPause.sequenceNumber, 1)
        XCTAssertEqual(afterPause.timestamp, 379 + 320)
        XCTAssertTrue(afterPause.marker)
    }
}
