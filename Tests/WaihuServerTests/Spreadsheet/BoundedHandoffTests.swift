import Foundation
import XCTest
@testable import WaihuServer

/// The hand-over between the .xlsx unpacking thread and the sheet's reader.
final class BoundedHandoffTests: XCTestCase {
    struct Broken: Error, Equatable {}

    func testItemsArriveInOrderThenTheProducersFailure() throws {
        let handoff = BoundedHandoff<Int>(capacity: 2)
        let producer = Thread {
            for item in 0..<1000 { try? handoff.put(item) }
            handoff.finish(throwing: Broken())
        }
        producer.start()
        var received: [Int] = []
        XCTAssertThrowsError(try { while let item = try handoff.take() { received.append(item) } }()) { error in
            XCTAssertEqual(error as? Broken, Broken())
        }
        XCTAssertEqual(received, Array(0..<1000))
    }

    func testTheProducerWaitsForRoomAndACancelReleasesIt() throws {
        let handoff = BoundedHandoff<Int>(capacity: 3)
        let stopped = expectation(description: "the producer stops once cancelled")
        let queued = Counter()
        let producer = Thread {
            do {
                while true {
                    try handoff.put(queued.value)
                    queued.increment()
                }
            } catch {
                XCTAssertTrue(error is CancellationError)
                stopped.fulfill()
            }
        }
        producer.start()
        // Poll until the producer has filled the queue; it can never queue more than 3.
        while queued.value < 3 { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.1)
        XCTAssertEqual(queued.value, 3, "the producer waits while 3 items are queued")
        XCTAssertEqual(try handoff.take(), 0)
        while queued.value < 4 { Thread.sleep(forTimeInterval: 0.01) }
        handoff.cancel()
        wait(for: [stopped], timeout: 10)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }
}
