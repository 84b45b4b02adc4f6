/// 续保日: the day a lead's car insurance is due for renewal, which decides when the
/// lead is called.
public enum RenewalDate {
    /// The policy's expiry (保险到期日) when the list has a valid one; otherwise the next
    /// anniversary of the first registration (初登日期) on or after `asOf` (the import's
    /// date), since a car's first policy starts the day it is registered; otherwise nil,
    /// and the lead is imported without a renewal date.
    public static func resolve(expiry: CalendarDay?, firstRegistration: CalendarDay?, asOf: CalendarDay) -> CalendarDay? {
        if let expiry { return expiry }
        guard let registration = firstRegistration else { return nil }
        // The registration day itself is not an anniversary: a car registered after
        // `asOf` renews one year after its registration.
        let firstYear = max(asOf.year, registration.year + 1)
        guard let candidate = anniversary(of: registration, in: firstYear) else { return nil }
        if candidate >= asOf { return candidate }
        return anniversary(of: registration, in: firstYear + 1)
    }

    /// The same month and day in `year`; 29 February becomes 1 March in common years.
    public static func anniversary(of date: CalendarDay, in year: Int) -> CalendarDay? {
        if date.month == 2, date.day == 29, !CalendarDay.isLeapYear(year) {
            return CalendarDay(year: year, month: 3, day: 1)
        }
        return CalendarDay(year: year, month: date.month, day: date.day)
    }
}
