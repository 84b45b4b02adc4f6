import Foundation
import WaihuDomain

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
    func localSeconds(_ date: Date) -> Double {
        date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
    }

    /// `YYYY-MM-DD` and hour 0–23 of `date` in the zone.
    public func dayAndHour(_ date: Date) -> (day: String, hour: Int) {
        let local = Int(localSeconds(date).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let hour = (local - days * 86_400) / 3600
        return (LocalClock.civilDay(daysSince1970: days), hour)
    }

    /// The instant the local day `day` begins.
    public func start(of day: CalendarDay) -> Date {
        let days = LocalClock.daysSince1970(day)
        let guess = Date(timeIntervalSince1970: Double(days * 86_400))
        return guess.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: guess)))
    }

    /// The next local hour boundary after `date`.
    func nextHour(after date: Date) -> Date {
        let local = localSeconds(date)
        let boundary = (local / 3600).rounded(.down) * 3600 + 3600
        return date.addingTimeInterval(boundary - local)
    }

    /// `start..<end` cut at every local hour boundary (one empty piece for an empty interval):
    /// how state intervals are stored and rolled up, so that sums per hour clip them.
    func hourPieces(from start: Date, to end: Date) -> [(start: Date, end: Date)] {
        var pieces: [(start: Date, end: Date)] = []
        var pieceStart = start
        repeat {
            let pieceEnd = min(nextHour(after: pieceStart), end)
            pieces.append((pieceStart, pieceEnd))
            pieceStart = pieceEnd
        } while pieceStart < end
        return pieces
    }

    /// Days from 1970-01-01 to `day` (a Thursday is day 0).
    public static func daysSinceEpoch(_ day: CalendarDay) -> Int { daysSince1970(day) }

    /// Howard Hinnant's days-from-civil, for a proleptic Gregorian day.
    static func daysSince1970(_ day: CalendarDay) -> Int {
        let y = day.month <= 2 ? day.year - 1 : day.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (day.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Civil-from-days, formatted `YYYY-MM-DD`.
    static func civilDay(daysSince1970 z0: Int) -> String {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return CalendarDay(year: y, month: m, day: d)?.description ?? "0000-00-00"
    }
}
