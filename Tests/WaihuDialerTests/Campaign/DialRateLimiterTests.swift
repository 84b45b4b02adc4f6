import XCTest
@testable import WaihuDialer

final class DialRateLimiterTests: XCTestCase {
    func testFiveCallsPerSecondSpacesDialsTwoHundredMillisecondsApart() {
        var limiter = DialRateLimiter(callsPerSecond: 5)
        XCTAssertEqual(limiter.delayBeforeDial(now: 0), 0)
        XCTAssertEqual(limiter.delayBeforeDial(now: 0), 0.2, accuracy: 1e-9)
        XCTAssertEqual(limiter.delayBeforeDial(now: 0.1), 0.1, accuracy: 1e-9)
        XCTAssertEqual(limiter.delayBeforeDial(now: 0.2), 0)
        XCTAssertEqual(limiter.delayBeforeDial(now: 0.3), 0.1, accuracy: 1e-9)
    }

    func testIdleTimeRefillsOnlyUpToTheBurst() {
        var limiter = DialRateLimiter(callsPerSecond: 2, burst: 3)
        for _ in 0..<3 { XCTAssertEqual(limiter.delayBeforeDial(now: 0), 0) }
        XCTAssertEqual(limiter.delayBeforeDial(now: 0), 0.5, accuracy: 1e-9)
        // A minute of quiet buys three dials, not 120.
        for _ in 0..<3 { XCTAssertEqual(limiter.delayBeforeDial(now: 60), 0) }
        XCTAssertGreaterThan(limiter.delayBeforeDial(now: 60), 0)
    }
}
