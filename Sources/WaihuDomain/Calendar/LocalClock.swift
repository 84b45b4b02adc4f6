import Foundation

/// The center's local calendar day and hour of an instant (Asia/Shanghai by default).
///
/// Integer arithmetic on the zone's offset rather than `Calendar.dateComponents`, because the
/// benchmark stores millions of events and Foundation's calendar is the slow part there.
public struct LocalClock: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone = EventTimestamp.exportTimeZone) {
        self.timeZone = timeZone
    }

    /// Seconds since 1970 on the local wall clock.
    public func localSeconds(_ date: Date) -> Double {
        date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
    }

    /// The local calendar day `date` falls on: 23:30 and 00:30 the next morning are two days
    /// here even when they are one day in UTC.
    public func day(of date: Date) -> CalendarDay {
        // Instants outside years 1…9999 do not occur in a call center's data.
        CalendarDay(daysSince1970: LocalClock.dayNumber(Int(localSeconds(date).rounded(.down))))!
    }

    /// `YYYY-MM-DD` and hour 0–23 of `date` in the zone.
    public func dayAndHour(_ date: Date) -> (day: String, hour: Int) {
        let local = Int(localSeconds(date).rounded(.down))
        let days = LocalClock.dayNumber(local)
        return (CalendarDay(daysSince1970: days)?.isoString ?? "0000-00-00", (local - days * 86_400) / 3600)
    }

    /// Days since 1970-01-01 of a local wall-clock second, rounded down before 1970 too.
    private static func dayNumber(_ localSeconds: Int) -> Int {
        localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400
    }

    /// The instant the local day `day` begins.
    public func start(of day: CalendarDay) -> Date {
        let days = day.daysSince1970
        let guess = Date(timeIntervalSince1970: Double(days * 86_400))
        return guess.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: guess)))
    }

    /// The next local hour boundary after `date`.
    public func nextHour(after date: Date) -> Date {
        let local = localSeconds(date)
        let boundary = (local / 3600).rounded(.down) * 3600 + 3600
        return date.addingTimeInterval(boundary - local)
    }

    /// `start..<end` cut at every local hour boundary (one empty piece for an empty interval):
    /// how state intervals are stored and rolled up, so that sums per hour clip them.
    public func hourPieces(from start: Date, to end: Date) -> [(start: Date, end: Date)] {
        var pieces: [(start: Date, end: Date)] = []
        var pieceStart = start
        repeat {
            let pieceEnd = min(nextHour(after: pieceStart), end)
            pieces.append((pieceStart, pieceEnd))
            pieceStart = pieceEnd
        } while pieceStart < end
        return pieces
    }
}
