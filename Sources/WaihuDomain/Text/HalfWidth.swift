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
}
