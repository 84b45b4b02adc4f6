/// How long a customer who refuses stays on the do-not-call list (拒访期). Six months is
/// the rule in insurance telesales; a deployment may choose another period.
public struct DoNotCallPeriod: Equatable, Sendable {
    public var months: Int

    public init(months: Int = 6) {
        self.months = months
    }

    /// The last day of the period that starts on `day`: the same day `months` later,
    /// or the last day of that month when it is shorter (08-31 + 6 months → 02-28).
    public func until(from day: CalendarDay) -> CalendarDay {
        let total = day.year * 12 + (day.month - 1) + months
        let year = total / 12
        let month = total % 12 + 1
        let lastDay = CalendarDay.daysInMonth(month, year: year)
        return CalendarDay(year: year, month: month, day: min(day.day, lastDay)) ?? day
    }
}
