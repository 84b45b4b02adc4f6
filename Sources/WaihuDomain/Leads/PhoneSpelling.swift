/// A phone cell reduced to what the rules of `PhoneNumber.parse` look at: its digits,
/// how they were grouped, an international prefix and a marked extension. Reading
/// it checks the characters; deciding mobile or landline is left to `PhoneNumber`.
///
/// Works on one byte per character (full-width forms folded, 转 and 分机 as a single
/// marker), and keeps only the last two digit runs, since this runs once per row.
struct PhoneSpelling {
    /// The number started with `+86`, `0086` or `86`.
    private(set) var international = false
    /// The digits of the number, without the country code and a marked extension.
    private(set) var digits: [UInt8] = []
    /// The digits after 转, 分机, ext or x.
    private(set) var markedExtension: [UInt8]?
    /// Brackets were used (they may only enclose the area code).
    private(set) var bracketed = false
    private(set) var runCount = 0
    private(set) var lastRunStart = 0
    private(set) var previousRunStart = 0
    /// A dash came before the last run: `-801` after a complete number is an extension.
    private(set) var dashBeforeLastRun = false

    var lastRunLength: Int { digits.count - lastRunStart }
    var previousRunLength: Int { lastRunStart - previousRunStart }

    init(_ raw: String) throws(PhoneNumberError) {
        let chars = try Self.normalized(raw)
        let mainEnd = try splitMarkedExtension(chars)
        let main = chars[0..<mainEnd]
        if let stray = main.first(where: { $0 == dot || $0 == colon }) {
            throw .unexpectedCharacter(Character(Unicode.Scalar(stray)))
        }
        if main.isEmpty { throw .notAPhoneNumber }
        try readDigitRuns(main[try readCountryCode(main)...])
    }

    /// One byte per character: digits and `+-().:` as ASCII, blanks as a space, the
    /// letters of ext/x in lower case, 转 and 分机 as `marker`.
    private static func normalized(_ raw: String) throws(PhoneNumberError) -> [UInt8] {
        var chars: [UInt8] = []
        chars.reserveCapacity(24)
        var afterFen = false  // saw 分, waiting for 机 to complete 分机
        for scalar in HalfWidth.trimmed(raw).unicodeScalars {
            let folded = HalfWidth.fold(scalar)
            if afterFen {
                guard folded == "机" || folded == "機" else { throw .unexpectedCharacter("分") }
                chars.append(marker)
                afterFen = false
                continue
            }
            switch folded {
            case "0"..."9", "+", "-", "(", ")", ".", ":":
                chars.append(UInt8(folded.value))
            case " ", "\t", "\u{A0}":
                chars.append(space)
            case "x", "X": chars.append(letterX)
            case "e", "E": chars.append(letterE)
            case "t", "T": chars.append(letterT)
            case "转", "轉": chars.append(marker)
            case "分": afterFen = true
            default: throw .unexpectedCharacter(Character(scalar))
            }
        }
        if afterFen { throw .unexpectedCharacter("分") }
        if chars.isEmpty { throw .empty }
        return chars
    }

    /// Reads what follows 转 / 分机 / ext / x (1–6 digits, after optional blanks and `.`
    /// or `:`) and returns where the number before it ends.
    private mutating func splitMarkedExtension(_ chars: [UInt8]) throws(PhoneNumberError) -> Int {
        guard let markerIndex = chars.firstIndex(where: { $0 == marker || $0 == letterE || $0 == letterX || $0 == letterT }) else {
            return chars.count
        }
        var index: Int
        switch chars[markerIndex] {
        case marker, letterX:
            index = markerIndex + 1
        case letterE where markerIndex + 2 < chars.count
            && chars[markerIndex + 1] == letterX && chars[markerIndex + 2] == letterT:
            index = markerIndex + 3
        default:
            throw .unexpectedCharacter(Character(Unicode.Scalar(chars[markerIndex])))
        }
        while index < chars.count, chars[index] == space { index += 1 }
        if index < chars.count, chars[index] == dot || chars[index] == colon {
            index += 1
            while index < chars.count, chars[index] == space { index += 1 }
        }
        let digits = chars[index...]
        guard (1...6).contains(digits.count), digits.allSatisfy({ $0 >= digit0 && $0 <= digit9 }) else {
            throw .badExtension
        }
        markedExtension = Array(digits)
        var end = markerIndex
        while end > 0, chars[end - 1] == space { end -= 1 }
        return end
    }

    /// Skips `+86`, `0086` or `86` and a separator after it; returns where the national
    /// part starts. A national number never starts with 8, so a bare 86 is safe to read
    /// as the country code (Excel drops the + of +86 in number cells).
    private mutating func readCountryCode(_ main: ArraySlice<UInt8>) throws(PhoneNumberError) -> Int {
        var position = main.startIndex
        if main[position] == plus {
            guard main.count >= 3, main[position + 1] == digit8, main[position + 2] == digit6 else {
                throw .foreignCountryCode
            }
            position += 3
        } else if main.starts(with: [digit0, digit0, digit8, digit6]) {
            position += 4
        } else if main.starts(with: [digit8, digit6]) {
            position += 2
        } else {
            return position
        }
        international = true
        while position < main.endIndex, main[position] == space || main[position] == dash { position += 1 }
        return position
    }

    private mutating func readDigitRuns(_ chars: ArraySlice<UInt8>) throws(PhoneNumberError) {
        digits.reserveCapacity(16)
        var pendingDash = false
        var inDigits = false
        var closed = false
        for char in chars {
            switch char {
            case digit0...digit9:
                if !inDigits {
                    runCount += 1
                    previousRunStart = lastRunStart
                    lastRunStart = digits.count
                    dashBeforeLastRun = pendingDash
                    pendingDash = false
                    inDigits = true
                }
                digits.append(char)
            case space, dash:
                if runCount == 0 && !bracketed { throw .notAPhoneNumber }
                if char == dash { pendingDash = true }
                inDigits = false
            case openParen:
                if bracketed || runCount != 0 { throw .notAPhoneNumber }
                bracketed = true
                inDigits = false
            case closeParen:
                if !bracketed || closed || runCount != 1 { throw .notAPhoneNumber }
                closed = true
                inDigits = false
            case plus:
                throw .notAPhoneNumber
            default:
                throw .unexpectedCharacter(Character(Unicode.Scalar(char)))
            }
        }
        // A dangling separator or bracket means the number is incomplete.
        guard inDigits, bracketed == closed else { throw .notAPhoneNumber }
    }
}

// Byte values of the normalized spelling; `marker` stands for 转 and 分机.
private let marker = UInt8(ascii: "#")
private let space = UInt8(ascii: " ")
private let dash = UInt8(ascii: "-")
private let plus = UInt8(ascii: "+")
private let dot = UInt8(ascii: ".")
private let colon = UInt8(ascii: ":")
private let openParen = UInt8(ascii: "(")
private let closeParen = UInt8(ascii: ")")
private let letterE = UInt8(ascii: "e")
private let letterX = UInt8(ascii: "x")
private let letterT = UInt8(ascii: "t")
private let digit0 = UInt8(ascii: "0")
private let digit6 = UInt8(ascii: "6")
private let digit8 = UInt8(ascii: "8")
private let digit9 = UInt8(ascii: "9")
