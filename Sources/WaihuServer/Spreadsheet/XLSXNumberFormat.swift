/// Which cell formats show a number as a date. A date in a workbook is a number (days
/// since 1900 or 1904) whose style says "date"; without this a 保险到期日 cell would
/// read as 46086.
enum XLSXNumberFormat {
    /// Built-in formats that show a date: 14–17 and 22 everywhere, 27–36 and 50–58 in
    /// Chinese, Japanese and Korean Excel (年月日 formats). 18–21 and 45–47 are times
    /// of day only and are not dates.
    static func isDate(builtinID id: Int) -> Bool {
        switch id {
        case 14...17, 22, 27...36, 50...58: return true
        default: return false
        }
    }

    /// A custom format code shows a date when, outside quoted text, escapes and
    /// brackets (`[Red]`, `[$-804]`), it has a year or day part. `m` alone may be
    /// minutes, so it does not count.
    static func isDate(formatCode code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "y", "d":
                if !inQuote, !inBracket { return true }
            default: break
            }
        }
        return false
    }
}
