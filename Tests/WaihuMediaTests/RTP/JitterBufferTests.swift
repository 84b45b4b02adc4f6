import XCTest
@testable import WaihuMedia

final class JitterBufferTests: XCTestCase {
    private func packet(_ seq: UInt16, ssrc: UInt32 = 1) -> RTPPacket {
        RTPPacket(payloadType: 0, sequenceNumber: seq, timestamp: UInt32(seq) * 160, ssrc: ssrc, payload: [UInt8(truncatingIfNeeded: seq)])
    }

    private func sequence(_ output: JitterBuffer.Output?) -> String {
        switch output {
        case .packet(let p)?: return "\(p.sequenceNumber)"
        case .lost(let seq)?: return "lost\(seq)"
        case nil: return "wait"
        }
    }

    func testReordersAndWaitsForDepth() {
        var buffer = JitterBuffer(depth: 3)
        buffer.insert(packet(11))
        buffer.insert(packet(10))
        XCTAssertNil(buffer.pop(), "holds until three packets are queued")
        buffer.insert(packet(12))
        XCTAssertEqual(sequence(buffer.pop()), "10")
        XCTAssertEqual(sequence(buffer.pop()), "11")
        buffer.insert(packet(13))
        buffer.insert(packet(13))
        XCTAssertEqual(buffer.duplicates, 1)
        XCTAssertEqual(sequence(buffer.pop()), "12")
        XCTAssertEqual(sequence(buffer.pop()), "13", "once playing, a present packet goes out at once")
        XCTAssertEqual(sequence(buffer.pop()), "wait")
        buffer.insert(packet(9))
        XCTAssertEqual(buffer.droppedLate, 1)
    }

    func testReportsLossOnceFullAndHandlesWrap() {
        var buffer = JitterBuffer(depth: 2)
        buffer.insert(packet(65534))
        buffer.insert(packet(65535))
        XCTAssertEqual(sequence(buffer.pop()), "65534")
        buffer.insert(packet(2))
        buffer.insert(packet(1))
        XCTAssertEqual(sequence(buffer.pop()), "65535")
        XCTAssertEqual(sequence(buffer.pop()), "lost0")
        XCTAssertEqual(sequence(buffer.pop()), "1")
        buffer.insert(packet(4))
        XCTAssertEqual(buffer.drain().map { sequence($0) }, ["2", "lost3", "4"])
    }

    func testNewSSRCRestarts() {
        var buffer = JitterBuffer(depth: 1)
        buffer.insert(packet(100))
        XCTAssertEqual(sequence(buffer.pop()), "100")
        buffer.insert(packet(5, ssrc: 2))
        XCTAssertEqual(sequence(buffer.pop()), "5")
    }
}
