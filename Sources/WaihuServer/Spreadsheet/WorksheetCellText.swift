import WaihuDomain

/// The text a user sees in a worksheet cell, from its type (`t`), its style (`s`) and the bytes
/// of its `<v>` or `<t>`: shared strings looked up, numbers without Excel's float noise
/// (13800138000, not 1.3800138E10), date-formatted numbers as `YYYY-MM-DD`, booleans as TRUE
/// and FALSE. `WorksheetRowScanner` finds the cells; this says what they read as.
struct WorksheetCellText {
    /// The `t` attribute of a cell, as far as the text shown depends on it.
    enum Kind {
        case number, sharedString, boolean
        /// inlineStr, str (a formula's text), e (#N/A …) and d (an ISO date) are text already.
        case text

        init(attribute bytes: some Collection<UInt8>) {
            guard bytes.count == 1, let byte = bytes.first else {
                self = .text
                return
            }
            switch byte {
            case UInt8(ascii: "s"): self = .sharedString
            case UInt8(ascii: "n"): self = .number
            case UInt8(ascii: "b"): self = .boolean
            default: self = .text
            }
        }
    }

    var sharedStrings: [String] = []
    /// Per style index (`s`): whether its number format shows a date.
    var dateStyles: [Bool] = []
    var dateSystem: ExcelDateSystem = .from1900

    /// `row` only names the row in the error for a shared string that does not exist.
    func text(of value: UnsafeBufferPointer<UInt8>, kind: Kind, style: Int, row: Int) throws -> String {
        switch kind {
        case .sharedString:
            guard let index = Self.integer(value), sharedStrings.indices.contains(index) else {
                let shown = String(decoding: value, as: UTF8.self)
                throw XLSXReadError.malformedXML("row \(row) refers to shared string \(shown), which does not exist")
            }
            return sharedStrings[index]
        case .number:
            return number(value, style: style)
        case .boolean:
            return value.count == 1 && value[0] == UInt8(ascii: "1") ? "TRUE" : "FALSE"
        case .text:
            return String(decoding: value, as: UTF8.self)
        }
    }

    private func number(_ value: UnsafeBufferPointer<UInt8>, style: Int) -> String {
        let isDate = style < dateStyles.count && dateStyles[style]
        // Most numbers are whole and written plainly (13800138000, 46000): their text is already right.
        if !value.isEmpty, value.count <= 15, value[0] != zero || value.count == 1,
           value.allSatisfy({ $0 >= zero && $0 <= nine }) {
            if isDate, let date = LeadDateParser.date(fromExcelSerial: Double(Self.integer(value) ?? 0), system: dateSystem) {
                return date.isoString
            }
            return String(decoding: value, as: UTF8.self)
        }
        let text = String(decoding: value, as: UTF8.self)
        guard !text.isEmpty, let number = Double(text) else { return text }
        if isDate, let date = LeadDateParser.date(fromExcelSerial: number, system: dateSystem) {
            return date.isoString
        }
        // Excel stores 13800138000 as "13800138000" but some writers use "1.3800138E10".
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        if text.contains("E") || text.contains("e") { return String(number) }
        return text
    }

    /// A non-negative decimal integer, blanks around it allowed (a row number, a style, a shared string's index).
    static func integer(_ bytes: some Collection<UInt8>) -> Int? {
        var result = 0
        var digits = 0
        var trailing = false
        for byte in bytes {
            if XMLByte.isSpace(byte) {
                if digits > 0 { trailing = true }
                continue
            }
            guard !trailing, byte >= zero, byte <= nine, digits < 18 else { return nil }
            result = result * 10 + Int(byte - zero)
            digits += 1
        }
        return digits == 0 ? nil : result
    }

    /// `B2` → 1; `AA10` → 26.
    static func columnIndex(_ reference: some Collection<UInt8>) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference {
            guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { break }
            index = index * 26 + Int(byte - UInt8(ascii: "A") + 1)
            letters += 1
        }
        // XFD, the last column Excel has, takes three letters.
        return letters == 0 || letters > 3 ? nil : index - 1
    }
}

private let zero = UInt8(ascii: "0")
private let nine = UInt8(ascii: "9")
