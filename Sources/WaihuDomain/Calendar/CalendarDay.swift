/// A day on the center's calendar, with no time and no time zone, written `2026-03-05`: a
/// renewal date (保险到期日), a do-not-call entry's last day, a holiday (法定节假日), a hire
/// date, a roster day, the local day of a call. The one day type of waihu.
///
/// A day, not an instant: "left on 31 March" must not move to 30 March when read in UTC.
/// Which day an instant falls on depends on the time zone, so that conversion is
/// `LocalClock.day(of:)` (the center's time zone, Asia/Shanghai by default), and the instant a
/// day begins is `LocalClock.start(of:)`.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil for a day that does not exist (2026-02-30, month 13) or a year outside 1…9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDay.daysInMonth(month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, the form days are stored, sent and typed in options in; nil for
    /// any other text or a day that does not exist. (Lead lists' many date forms are
    /// `LeadDateParser`'s.)
    public init?(_ text: String) {
        var text = text
        let parts: (year: Int, month: Int, day: Int)? = text.withUTF8 { bytes in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        guard let parts else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// The day `days` after 1970-01-01 (negative for earlier days); nil outside years 1…9999.
    public init?(daysSince1970 days: Int) {
        // Civil-from-days over 400-year eras of 146,097 days, counted from 0000-03-01
        // so that the leap day falls at the end of each computed year.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// Days from 1970-01-01 (a Thursday) to this day.
    public var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `days` later (or earlier when negative); nil outside years 1…9999.
    public func addingDays(_ days: Int) -> CalendarDay? {
        CalendarDay(daysSince1970: daysSince1970 + days)
    }

    /// Whole days from this day to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDay) -> Int {
        other.daysSince1970 - daysSince1970
    }

    /// `2026-03-05`
    public var isoString: String {
        // Ten ASCII bytes written directly: a lead list import formats several dates a row.
        String(unsafeUninitializedCapacity: 10) { bytes in
            let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
            bytes[0] = zero + UInt8(year / 1000)
            bytes[1] = zero + UInt8(year / 100 % 10)
            bytes[2] = zero + UInt8(year / 10 % 10)
            bytes[3] = zero + UInt8(year % 10)
            bytes[4] = dash
            bytes[5] = zero + UInt8(month / 10)
            bytes[6] = zero + UInt8(month % 10)
            bytes[7] = dash
            bytes[8] = zero + UInt8(day / 10)
            bytes[9] = zero + UInt8(day % 10)
            return 10
        }
    }

    public var description: String { isoString }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// In JSON a day is its `YYYY-MM-DD` text (plans' holidays, hire dates, roster days).
extension CalendarDay: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a date like 2026-03-02")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoString)
    }
}
