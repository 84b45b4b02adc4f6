import Foundation
import WaihuDomain

extension CalendarDate {
    /// Today on the server's clock, in its time zone (a call center's day, not UTC's).
    public static func today(_ now: Date = Date(), timeZone: TimeZone = .current) -> CalendarDate {
        let seconds = now.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: now))
        return CalendarDate(daysSince1970: Int((seconds / 86_400).rounded(.down)))!
    }
}
