import WaihuDomain
import XCTest
@testable import WaihuServer

/// The local day and hour stored with each event, and state intervals split at hours.
final class EventRowsTests: XCTestCase {
    func testLocalDayAndHourAreBeijingTime() throws {
        let clock = LocalClock()
        let utcEvening = try XCTUnwrap(EventTimestamp.parse("2026-11-02T23:30:00Z"))
        XCTAssertEqual(clock.dayAndHour(utcEvening).day, "2026-11-03")
        XCTAssertEqual(clock.dayAndHour(utcEvening).hour, 7)
        let leapDay = try XCTUnwrap(EventTimestamp.parse("2028-02-29T00:00:00+08:00"))
        XCTAssertEqual(clock.dayAndHour(leapDay).day, "2028-02-29")
        XCTAssertEqual(clock.dayAndHour(leapDay).hour, 0)
        XCTAssertEqual(clock.start(of: CalendarDay("2026-11-02")!), EventTimestamp.parse("2026-11-02T00:00:00+08:00"))
        XCTAssertEqual(CalendarDay("1970-01-01")!.daysSince1970, 0)
    }

    func testAStateIntervalIsSplitAtEveryLocalHour() throws {
        let rows = EventRows(clock: LocalClock(), simulated: false)
        let interval = AgentStateInterval(agentID: "a1", state: .notReady, reason: .meal,
                                          start: EventTimestamp.parse("2026-11-02T23:50:00+08:00")!,
                                          end: EventTimestamp.parse("2026-11-03T01:10:00+08:00")!)
        let pieces = rows.statePieces(interval)
        XCTAssertEqual(pieces.count, 3)
        func seconds(_ row: [EventValue]) -> Double? { if case .real(let v) = row[5] { return v }; return nil }
        func began(_ row: [EventValue]) -> Bool? { if case .flag(let v) = row[6] { return v }; return nil }
        func day(_ row: [EventValue]) -> String? { if case .text(let v) = row[8] { return v }; return nil }
        XCTAssertEqual(pieces.map(seconds), [600, 3600, 600])
        XCTAssertEqual(pieces.map(began), [true, false, false], "the count goes to the piece it began in")
        XCTAssertEqual(pieces.map(day), ["2026-11-02", "2026-11-03", "2026-11-03"])
        XCTAssertEqual(EventTable.agentStates.columnNames[8], "local_day")
    }
}
