/// Folds the full-width forms (全角) that Chinese input methods and spreadsheets
/// produce into their ASCII counterparts, so that `１３８…` and `138…` read the same.
enum HalfWidth {
    /// `０`–`９`, `Ａ`–`Ｚ`, `＋`, `－`, `（`… (U+FF01–U+FF5E) become ASCII; the
    /// ideographic space U+3000 becomes a plain space; everything else is unchanged.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value >= 0xFF01 && value <= 0xFF5E {
            return Unicode.Scalar(value - 0xFEE0)!
        }
        if value == 0x3000 { return " " }
        return scalar
    }

    /// Whitespace that may surround a cell value: ASCII blanks, no-break space,
    /// the ideographic space and the byte-order mark that some exports leave behind.
    @inline(__always)
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// The value with blanks removed at both ends (no Foundation needed).
    static func trimmed(_ text: String) -> Substring {
        if !mayNeedTrimming(text) { return text[...] }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isBlank(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            if !isBlank(scalars[before]) { break }
            end = before
        }
        return Substring(scalars[start..<end])
    }

    /// The same as `trimmed`, as a String; returns `text` itself, without copying,
    /// when there is nothing to trim, which is the case for most cells.
    static func trimmedString(_ text: String) -> String {
        mayNeedTrimming(text) ? String(trimmed(text)) : text
    }

    /// A cheap look at the first and last byte: a value that starts and ends with a
    /// visible ASCII character, or ends with a byte no blank ends with, needs no trimming.
    @inline(__always)
    private static func mayNeedTrimming(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        return mayBeBlankStart(first) || mayBeBlankEnd(last)
    }

    @inline(__always)
    private static func mayBeBlankStart(_ byte: UInt8) -> Bool {
        // ASCII blanks, and the lead bytes of U+00A0 (C2), U+3000 (E3) and U+FEFF (EF).
        byte <= 0x20 || byte == 0xC2 || byte == 0xE3 || byte == 0xEF
    }

    @inline(__always)
    private static func mayBeBlankEnd(_ byte: UInt8) -> Bool {
        // ASCII blanks, and the last bytes of U+00A0 (A0), U+3000 (80) and U+FEFF (BF).
        byte <= 0x20 || byte == 0xA0 || byte == 0x80 || byte == 0xBF
    }
}
