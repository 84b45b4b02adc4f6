import Foundation
import XCTest
@testable import WaihuDomain

final class DialGateTests: XCTestCase {
    private let shanghai = TimeZone(secondsFromGMT: 8 * 3600)!
    /// 2026-03-02 12:00 in Shanghai.
    private let noon = Date(timeIntervalSince1970: 1_772_409_600 + 4 * 3600)

    func testDoNotCallWinsOverEverything() {
        let gate = DialGate()
        XCTAssertEqual(gate.refusal(history: .neverDialled, onDoNotCallList: true, renewalDate: nil, timeZone: shanghai, now: noon), .doNotCall)
        XCTAssertNil(gate.refusal(history: .neverDialled, onDoNotCallList: false, renewalDate: nil, timeZone: shanghai, now: noon))
    }

    func testRenewalAndWindowAndAttempts() {
        let gate = DialGate(renewal: RenewalRule(daysBefore: 40))
        // 2026-04-12 is 41 days after 2026-03-02.
        XCTAssertEqual(gate.refusal(history: .neverDialled, onDoNotCallList: false, renewalDate: CalendarDay(year: 2026, month: 4, day: 12)!,
                                    timeZone: shanghai, now: noon), .renewalTooFarAway(daysBefore: 40))
        XCTAssertNil(gate.refusal(history: .neverDialled, onDoNotCallList: false, renewalDate: CalendarDay(year: 2026, month: 4, day: 11)!,
                                  timeZone: shanghai, now: noon))
        XCTAssertEqual(gate.refusal(history: .neverDialled, onDoNotCallList: false, renewalDate: nil,
                                    timeZone: shanghai, now: noon.addingTimeInterval(10 * 3600)), .outsideCallingWindow)
        let vacant = LeadDialHistory(attempts: 1, attemptsToday: 1, lastOutcome: .invalid, lastAttemptAt: noon.addingTimeInterval(-86_400))
        XCTAssertEqual(gate.refusal(history: vacant, onDoNotCallList: false, renewalDate: nil, timeZone: shanghai, now: noon),
                       .attempts(.invalidNumber))
    }
}
