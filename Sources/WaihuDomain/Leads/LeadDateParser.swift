/// Reads the dates of a lead list: 保险到期日, 初登日期 and the like.
///
/// Accepted text: `2026/3/5`, `2026-03-05`, `2026.3.5`, `20260305`, `2026年3月5日`
/// (日 optional), full-width digits, and a time after the date (`2026-03-05 00:00:00`,
/// `2026-03-05T08:00`) which is ignored. A five-digit number (`46086`, `46086.5`) is an
/// Excel serial, as a date cell reads when a sheet is saved without its formats.
/// A day that does not exist (2026-02-30) gives nil: it counts as missing.
public enum LeadDateParser {
    public static func parse(_ text: String) -> CalendarDate? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(20)
        for scalar in HalfWidth.trimmed(text).unicodeScalars {
            scalars.append(HalfWidth.fold(scalar))
        }
        var index = 0

        func readNumber() -> (value: Int, length: Int)? {
            var value = 0
            var length = 0
            while index < scalars.count, let digit = digitValue(scalars[index]) {
                // Longer runs are never a date part; stop before the value overflows.
                if length == 9 { return nil }
                value = value * 10 + digit
                length += 1
                index += 1
            }
            return length == 0 ? nil : (value, length)
        }
        func atEndOrTime() -> Bool {
            index == scalars.count || scalars[index] == " " || scalars[index] == "T"
        }

        guard let first = readNumber() else { return nil }
        if atEndOrTime() {
            switch first.length {
            case 8:
                return CalendarDate(year: first.value / 10_000, month: first.value / 100 % 100, day: first.value % 100)
            case 5:
                return date(fromExcelSerial: Double(first.value))
            default:
                return nil
            }
        }
        let separator = scalars[index]
        if separator == ".", first.length == 5 {
            // An Excel serial with a time of day: the fraction does not change the day.
            index += 1
            guard readNumber() != nil, index == scalars.count else { return nil }
            return date(fromExcelSerial: Double(first.value))
        }
        let secondSeparator: Unicode.Scalar
        switch separator {
        case "/", "-", ".": secondSeparator = separator
        case "年": secondSeparator = "月"
        default: return nil
        }
        index += 1
        guard let month = readNumber(), index < scalars.count, scalars[index] == secondSeparator else { return nil }
        index += 1
        guard let day = readNumber() else { return nil }
        if separator == "年", index < scalars.count, scalars[index] == "日" { index += 1 }
        guard first.length == 4, month.length <= 2, day.length <= 2, atEndOrTime() else { return nil }
        return CalendarDate(year: first.value, month: month.value, day: day.value)
    }

    /// The day of an Excel date cell; the fraction (time of day) is dropped. Nil for
    /// serials before the first day of the system and for Excel's fake 1900-02-29.
    public static func date(fromExcelSerial serial: Double, system: ExcelDateSystem = .from1900) -> CalendarDate? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let whole = Int(serial.rounded(.down))
        switch system {
        case .from1900:
            // 1899-12-31 is serial 0 up to the fake leap day; after it every serial is
            // one too high, so count from 1899-12-30 instead.
            if whole == 0 || whole == 60 { return nil }
            return CalendarDate(daysSince1970: whole < 60 ? whole - 25_568 : whole - 25_569)
        case .from1904:
            return CalendarDate(daysSince1970: whole - 24_107)
        }
    }

    @inline(__always)
    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        return value >= 0x30 && value <= 0x39 ? Int(value - 0x30) : nil
    }
}
