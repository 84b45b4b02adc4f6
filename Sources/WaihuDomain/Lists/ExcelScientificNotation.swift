/// A number Excel already mangled: a long number in a General cell is shown, and saved to
/// CSV, as `3.60723E+18` (or `1.38001E+10`), keeping six significant digits. The digits
/// are lost, so such a phone cell is rejected (`invalid_phone`, as any cell with a letter)
/// with this note, never read as the wrong number it would round to.
public enum ExcelScientificNotation {
    public static let note = "Excel turned this number into scientific notation and lost its digits; "
        + "format the column as text (文本) where the list was made and export it again"

    /// `3.60723E+18`, `1.38E10`, `4.6e-05`: a decimal with an exponent, nothing else.
    public static func matches(_ cell: String) -> Bool {
        let scalars = Array(HalfWidth.trimmed(cell).unicodeScalars)
        guard let e = scalars.firstIndex(where: { $0 == "E" || $0 == "e" }), e > 0 else { return false }
        let mantissa = scalars[..<e], exponent = scalars[(e + 1)...]
        var digits = 0, points = 0
        for scalar in mantissa {
            if scalar == "." { points += 1 } else if ("0"..."9").contains(scalar) { digits += 1 } else { return false }
        }
        guard digits > 0, points <= 1 else { return false }
        var power = exponent.drop(while: { $0 == "+" || $0 == "-" })
        guard exponent.count - power.count <= 1, !power.isEmpty else { return false }
        power = power.drop(while: { ("0"..."9").contains($0) })
        return power.isEmpty
    }
}
