import Foundation
import XCTest
@testable import WaihuSIP

final class RegistrationThrottleTests: XCTestCase {
    func testBlocksAHostAfterRepeatedFailuresAndLiftsTheBlockLater() {
        var throttle = RegistrationThrottle(maximumFailures: 3, window: 60, blockDuration: 300)
        let start = Date(timeIntervalSince1970: 1_000_000)
        XCTAssertFalse(throttle.recordFailure(from: "10.0.0.9", now: start))
        XCTAssertFalse(throttle.recordFailure(from: "10.0.0.9", now: start + 1))
        XCTAssertFalse(throttle.isBlocked("10.0.0.9", now: start + 2))
        XCTAssertTrue(throttle.recordFailure(from: "10.0.0.9", now: start + 2))
        XCTAssertTrue(throttle.isBlocked("10.0.0.9", now: start + 3))
        XCTAssertFalse(throttle.isBlocked("10.0.0.8", now: start + 3), "other hosts are not affected")
        XCTAssertFalse(throttle.isBlocked("10.0.0.9", now: start + 303))
    }

    func testFailuresOutsideTheWindowDoNotAddUp() {
        var throttle = RegistrationThrottle(maximumFailures: 2, window: 10, blockDuration: 60)
        let start = Date(timeIntervalSince1970: 1_000_000)
        throttle.recordFailure(from: "h", now: start)
        XCTAssertFalse(throttle.recordFailure(from: "h", now: start + 11))
        throttle.recordSuccess(from: "h")
        XCTAssertFalse(throttle.recordFailure(from: "h", now: start + 12), "success cleared the count")
        XCTAssertEqual(throttle.trackedHosts, 1)
        throttle.recordFailure(from: "other", now: start + 100)
        XCTAssertEqual(throttle.trackedHosts, 1, "stale entries are pruned")
    }
}
