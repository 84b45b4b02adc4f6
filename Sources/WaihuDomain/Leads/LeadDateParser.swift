/// Reads the dates of a lead list: 保险到期日, 初登日期 and the like.
///
/// Accepted text: `2026/3/5`, `2026-03-05`, `2026.3.5`, `20260305`, `2026年3月5日`
/// (日 optional), full-width digits, and a time after the date (`2026-03-05 00:00:00`,
/// `2026-03-05T08:00`) which is ignored. A five-digit number (`46086`, `46086.5`) is an
/// Excel serial, as a date cell reads when a sheet is saved without its formats.
/// A day that does not exist (2026-02-30) gives nil: it counts as missing.
public enum LeadDateParser {
    /// `system` applies to Excel serials only.
    public static func parse(_ text: String, system: ExcelDateSystem = .from1900) -> CalendarDay? {
        // Most cells are ASCII: read their bytes in place. Others are first folded to
        // one code per character (full-width digits to ASCII, 年月日 to codes of their own).
        var isASCII = true
        for byte in text.utf8 where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII, let parsed = text.utf8.withContiguousStorageIfAvailable({ parse(codes: $0, system: system) }) {
            return parsed
        }
        var codes: [UInt8] = []
        codes.reserveCapacity(16)
        for scalar in text.unicodeScalars {
            let folded = HalfWidth.fold(scalar)
            switch folded {
            case "年": codes.append(yearMark)
            case "月": codes.append(monthMark)
            case "日": codes.append(dayMark)
            default:
                if HalfWidth.isBlank(folded) {
                    codes.append(space)
                } else {
                    codes.append(folded.value < 0x80 ? UInt8(folded.value) : 0xFF)
                }
            }
        }
        return codes.withUnsafeBufferPointer { parse(codes: $0, system: system) }
    }

    private static func parse(codes: UnsafeBufferPointer<UInt8>, system: ExcelDateSystem) -> CalendarDay? {
        var index = 0
        var end = codes.count
        while index < end, codes[index] <= space { index += 1 }
        while end > index, codes[end - 1] <= space { end -= 1 }

        func readNumber() -> (value: Int, length: Int)? {
            var value = 0
            var length = 0
            while index < end, codes[index] >= digit0, codes[index] <= digit9 {
                // Longer runs are never a date part; stop before the value overflows.
                if length == 9 { return nil }
                value = value * 10 + Int(codes[index] - digit0)
                length += 1
                index += 1
            }
            return length == 0 ? nil : (value, length)
        }
        func atEndOrTime() -> Bool {
            index == end || codes[index] == space || codes[index] == letterT
        }

        guard let first = readNumber() else { return nil }
        if atEndOrTime() {
            switch first.length {
            case 8:
                return CalendarDay(year: first.value / 10_000, month: first.value / 100 % 100, day: first.value % 100)
            case 5:
                return date(fromExcelSerial: Double(first.value), system: system)
            default:
                return nil
            }
        }
        let separator = codes[index]
        if separator == dot, first.length == 5 {
            // An Excel serial with a time of day: the fraction does not change the day.
            index += 1
            guard readNumber() != nil, index == end else { return nil }
            return date(fromExcelSerial: Double(first.value), system: system)
        }
        let secondSeparator: UInt8
        switch separator {
        case slash, dash, dot: secondSeparator = separator
        case yearMark: secondSeparator = monthMark
        default: return nil
        }
        index += 1
        guard let month = readNumber(), index < end, codes[index] == secondSeparator else { return nil }
        index += 1
        guard let day = readNumber() else { return nil }
        if separator == yearMark, index < end, codes[index] == dayMark { index += 1 }
        guard first.length == 4, month.length <= 2, day.length <= 2, atEndOrTime() else { return nil }
        return CalendarDay(year: first.value, month: month.value, day: day.value)
    }

    /// The day of an Excel date cell; the fraction (time of day) is dropped. Nil for
    /// serials before the first day of the system and for Excel's fake 1900-02-29.
    public static func date(fromExcelSerial serial: Double, system: ExcelDateSystem = .from1900) -> CalendarDay? {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
        let whole = Int(serial.rounded(.down))
        switch system {
        case .from1900:
            // 1899-12-31 is serial 0 up to the fake leap day; after it every serial is
            // one too high, so count from 1899-12-30 instead.
            if whole == 0 || whole == 60 { return nil }
            return CalendarDay(daysSince1970: whole < 60 ? whole - 25_568 : whole - 25_569)
        case .from1904:
            return CalendarDay(daysSince1970: whole - 24_107)
        }
    }
}

// Codes of the folded text. 年月日 get codes above ASCII, where an ASCII cell read in
// place has no bytes, and every other non-ASCII character is 0xFF.
private let yearMark: UInt8 = 0xF1
private let monthMark: UInt8 = 0xF2
private let dayMark: UInt8 = 0xF3
private let space = UInt8(ascii: " ")
private let slash = UInt8(ascii: "/")
private let dash = UInt8(ascii: "-")
private let dot = UInt8(ascii: ".")
private let letterT = UInt8(ascii: "T")
private let digit0 = UInt8(ascii: "0")
private let digit9 = UInt8(ascii: "9")
