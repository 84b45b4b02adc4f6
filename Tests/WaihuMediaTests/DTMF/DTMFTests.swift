import XCTest
@testable import WaihuMedia

final class DTMFTests: XCTestCase {
    func testPayloadLayout() {
        let event = DTMFEvent(code: 11, isEnd: true, volume: 10, duration: 800)
        XCTAssertEqual(event.payload, [11, 0x8A, 0x03, 0x20])
        XCTAssertEqual(DTMFEvent(payload: [11, 0x8A, 0x03, 0x20]), event)
        XCTAssertEqual(event.digit, "#")
        XCTAssertNil(DTMFEvent(payload: [1, 2, 3]))
        XCTAssertEqual(DTMFEvent.code(for: "*"), 10)
        XCTAssertEqual(DTMFEvent.code(for: "d"), 15)
        XCTAssertNil(DTMFEvent.code(for: "x"))
    }

    func testSendingSequenceEndsWithThreeEndPackets() throws {
        let events = try XCTUnwrap(DTMFEvent.sendingSequence(digit: "5", durationSamples: 800))
        XCTAssertEqual(events.map(\.duration), [160, 320, 480, 640, 800, 800, 800])
        XCTAssertEqual(events.map(\.isEnd), [false, false, false, false, true, true, true])
        XCTAssertTrue(events.allSatisfy { $0.code == 5 })
        XCTAssertNil(DTMFEvent.sendingSequence(digit: "?"))
    }

    func testSendReceiveRoundTripReportsEachPressOnce() throws {
        var sender = RTPSender(ssrc: 5, initialSequenceNumber: 100, initialTimestamp: 8000)
        var receiver = DTMFReceiver()
        var received: [Character] = []
        for digit in "1#1" {
            let start = sender.nextTimestamp
            let events = try XCTUnwrap(DTMFEvent.sendingSequence(digit: digit))
            for (index, event) in events.enumerated() {
                let packet = sender.packet(payloadType: 101, payload: event.payload, timestamp: start, marker: index == 0)
                XCTAssertEqual(packet.timestamp, start)
                if let digit = receiver.receive(packet) { received.append(digit) }
                // A duplicated packet on the network changes nothing.
                if let digit = receiver.receive(packet) { received.append(digit) }
            }
            sender.advance(samples: 800)
        }
        XCTAssertEqual(received, ["1", "#", "1"], "the second 1 has a new timestamp, so it counts")
        XCTAssertEqual(sender.nextSequenceNumber, 121)
    }

    func testDigitCollector() {
        let config = DigitCollector.Configuration(maximumDigits: 4, terminator: "#",
                                                  firstDigitTimeout: .seconds(5), interDigitTimeout: .seconds(2))
        var collector = DigitCollector(configuration: config)
        XCTAssertEqual(collector.deadline, .seconds(5))
        XCTAssertEqual(collector.tick(at: .seconds(4)), .collecting)
        collector.receive("1", at: .seconds(4))
        XCTAssertEqual(collector.deadline, .seconds(6))
        collector.receive("2", at: .milliseconds(5500))
        XCTAssertEqual(collector.receive("#", at: .seconds(6)), .finished(digits: "12", reason: .terminator))
        XCTAssertEqual(collector.receive("3", at: .seconds(6)), .finished(digits: "12", reason: .terminator))

        var timeout = DigitCollector(configuration: config)
        timeout.receive("9", at: .seconds(1))
        XCTAssertEqual(timeout.tick(at: .seconds(3)), .finished(digits: "9", reason: .interDigitTimeout))

        var silent = DigitCollector(configuration: config, startedAt: .seconds(10))
        XCTAssertEqual(silent.receive("7", at: .seconds(16)), .finished(digits: "", reason: .noInput), "digit after the deadline is too late")

        var full = DigitCollector(configuration: DigitCollector.Configuration(maximumDigits: 1))
        XCTAssertEqual(full.receive("1", at: .zero), .finished(digits: "1", reason: .maximumDigits))
        XCTAssertNil(full.deadline)
    }
}
