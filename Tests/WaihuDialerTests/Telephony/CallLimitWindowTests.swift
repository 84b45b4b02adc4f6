import XCTest
@testable import WaihuDialer

/// The trunk-limit rule alone: calls up at once and starts in any stretch of time.
final class CallLimitWindowTests: XCTestCase {
    func testConcurrentCallsWaitForOneToEnd() {
        var window = CallLimitWindow(limit: CallLimit(maxConcurrent: 2))
        XCTAssertTrue(window.hasRoom)
        window.reserve()
        window.reserve()
        XCTAssertFalse(window.hasRoom)
        window.start(at: 0)
        XCTAssertFalse(window.hasRoom, "time alone frees nothing")
        window.end()
        XCTAssertEqual(window.callsUp, 1)
        XCTAssertTrue(window.hasRoom)
    }

    /// 4 calls a second: never a fifth within one second of the first of four, across any boundary.
    func testAWholeRateIsThatManyStartsInAnyOneSecond() {
        var window = CallLimitWindow(limit: CallLimit(callsPerSecond: 4))
        for t in [0.0, 0.1, 0.2, 0.9] {
            XCTAssertNil(window.nextStart(at: t))
            window.start(at: t)
        }
        XCTAssertEqual(window.nextStart(at: 0.95), 1.0)
        XCTAssertNil(window.nextStart(at: 1.0))
        window.start(at: 1.0)
        XCTAssertEqual(window.nextStart(at: 1.0), 1.1, "the window slides: 0.1 … 1.0 already holds four")
        XCTAssertNil(window.nextStart(at: 1.1))
        XCTAssertTrue(window.hasRoom, "a rate alone never runs out of room")
    }

    func testFractionalRates() {
        XCTAssertEqual(CallLimit(callsPerSecond: 2.5).startsPerStretch?.calls, 3)
        XCTAssertEqual(CallLimit(callsPerSecond: 2.5).startsPerStretch?.seconds ?? 0, 1.2, accuracy: 1e-9)
        XCTAssertEqual(CallLimit(callsPerSecond: 0.5).startsPerStretch?.calls, 1)
        XCTAssertEqual(CallLimit(callsPerSecond: 0.5).startsPerStretch?.seconds ?? 0, 2, accuracy: 1e-9)
        XCTAssertNil(CallLimit(callsPerSecond: 0).startsPerStretch, "no rate is no limit, not a stop")
        var window = CallLimitWindow(limit: CallLimit(callsPerSecond: 0.5))
        window.start(at: 10)
        XCTAssertEqual(window.nextStart(at: 11), 12)
    }

    func testBothLimitsAndNoLimit() {
        var window = CallLimitWindow(limit: CallLimit(maxConcurrent: 1, callsPerSecond: 1))
        window.reserve()
        window.start(at: 0)
        window.end()
        XCTAssertTrue(window.hasRoom)
        XCTAssertEqual(window.nextStart(at: 0.5), 1, "the call ended but the rate still holds")
        var open = CallLimitWindow(limit: CallLimit())
        for t in 0..<1000 {
            open.reserve()
            open.start(at: Double(t) / 1000)
        }
        XCTAssertTrue(open.hasRoom)
        XCTAssertNil(open.nextStart(at: 1))
    }

    /// Starts through the admission keep the trunk's rate with the wire margin to spare.
    func testPacedStartsKeepTheRate() async throws {
        let admission = TrunkAdmission()
        let pool = CallAdmission(pools: [CallPool(name: "trunk:快", limit: CallLimit(callsPerSecond: 10))])
        let clock = ContinuousClock()
        var starts: [ContinuousClock.Instant] = []
        for _ in 0..<12 {
            let ticket = try await admission.admit(pool)
            try await admission.pace(ticket)
            starts.append(clock.now)
            await admission.release(ticket)
        }
        // Any 11 consecutive starts span at least one second (10 a second at most).
        XCTAssertGreaterThanOrEqual(starts[0].duration(to: starts[10]), .seconds(1))
        XCTAssertLessThan(starts[0].duration(to: starts[11]), .seconds(3), "and the admission does not dawdle")
    }

    /// Two campaigns on one trunk of 2 calls at once: the third waits until one ends, whichever
    /// campaign it belongs to; a campaign's own share of 1 holds even when the trunk has room.
    func testTheTrunkPoolIsSharedAndAShareOnlyLowersIt() async throws {
        let admission = TrunkAdmission()
        let trunk = CallPool(name: "trunk:电信", limit: CallLimit(maxConcurrent: 2))
        let a = CallAdmission(pools: [trunk])
        let b = CallAdmission(pools: [trunk, CallPool(name: "campaign:2", limit: CallLimit(maxConcurrent: 1))])
        let first = try await admission.admit(a)
        let second = try await admission.admit(b)
        let callsUpNow = await admission.callsUp(in: "trunk:电信")
        XCTAssertEqual(callsUpNow, 2)
        let third = Task { try await admission.admit(a) }
        try await Task.sleep(nanoseconds: 100_000_000)
        let stillTwo = await admission.callsUp(in: "trunk:电信")
        XCTAssertEqual(stillTwo, 2, "the third call waits")
        await admission.release(second)
        let admitted = try await third.value
        await admission.release(second)  // a second release changes nothing
        let afterTwice = await admission.callsUp(in: "trunk:电信")
        XCTAssertEqual(afterTwice, 2)

        await admission.release(first)
        let shareWaits = Task { try await admission.admit(b) }
        let fourth = try await admission.admit(b)
        try await Task.sleep(nanoseconds: 100_000_000)
        let share = await admission.callsUp(in: "campaign:2")
        XCTAssertEqual(share, 1, "campaign 2's share of 1 holds with the trunk at 2 of 2")
        shareWaits.cancel()
        do {
            _ = try await shareWaits.value
            XCTFail("a cancelled wait throws")
        } catch is CancellationError {}
        await admission.release(fourth)
        await admission.release(admitted)
        let none = await admission.callsUp(in: "trunk:电信")
        XCTAssertEqual(none, 0)
    }
}
