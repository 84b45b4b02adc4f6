import Foundation
import WaihuDomain

extension CalendarDay {
    /// Today in the center's time zone (`LocalClock`, Asia/Shanghai by default), not the
    /// server's or UTC's: a call center counts days in its own time zone everywhere.
    public static func today(_ now: Date = Date(), clock: LocalClock = LocalClock()) -> CalendarDay {
        clock.day(of: now)
    }
}
