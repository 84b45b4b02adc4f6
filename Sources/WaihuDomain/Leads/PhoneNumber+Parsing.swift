extension PhoneNumber {
    /// Reads a phone number as list managers write it (issue 4):
    ///
    /// - mobile (手机): `1[3-9]` + 9 digits, optionally after `+86`, `86` or `0086`,
    ///   grouped with spaces or dashes;
    /// - landline (固话): `0` + area code (区号) + local number. `010` and `020`–`029`
    ///   take 8 digits; other area codes are `0[3-9]xx` and take 7 or 8 digits; a local
    ///   number never starts with 0 or 1. `+86` (or `0086`, `86`) may replace the 0.
    ///   Separators are `-`, spaces and brackets around the area code; an extension
    ///   (`-801`, `转801`, `分机801`, `ext801`, `x801`) after a complete number is kept
    ///   in `extensionNumber`.
    ///
    /// Full-width digits and punctuation (全角) read as their ASCII forms, and blanks
    /// around the value are ignored. The work is a few passes over the scalars, with
    /// no regular expressions, since it runs once per imported row.
    public static func parse(_ raw: String) -> Result<PhoneNumber, PhoneNumberError> {
        var chars: [UInt8] = []
        chars.reserveCapacity(24)
        var afterFen = false  // saw 分, waiting for 机 to complete 分机
        for scalar in HalfWidth.trimmed(raw).unicodeScalars {
            let folded = HalfWidth.fold(scalar)
            if afterFen {
                guard folded == "机" || folded == "機" else {
                    return .failure(.unexpectedCharacter("分"))
                }
                chars.append(marker)
                afterFen = false
                continue
            }
            switch folded {
            case "0"..."9", "+", "-", "(", ")", ".", ":":
                chars.append(UInt8(folded.value))
            case " ", "\t", "\u{A0}":
                chars.append(space)
            case "x", "X": chars.append(UInt8(ascii: "x"))
            case "e", "E": chars.append(UInt8(ascii: "e"))
            case "t", "T": chars.append(UInt8(ascii: "t"))
            case "转", "轉": chars.append(marker)
            case "分": afterFen = true
            default:
                return .failure(.unexpectedCharacter(Character(scalar)))
            }
        }
        if afterFen { return .failure(.unexpectedCharacter("分")) }
        if chars.isEmpty { return .failure(.empty) }

        // Split off a marked extension: everything after 转 / 分机 / ext / x.
        var mainEnd = chars.count
        var markedExtension: [UInt8]?
        if let markerIndex = chars.firstIndex(where: { $0 == marker || $0 == letterE || $0 == letterX || $0 == letterT }) {
            var afterMarker: Int
            switch chars[markerIndex] {
            case marker, letterX:
                afterMarker = markerIndex + 1
            case letterE where markerIndex + 2 < chars.count
                && chars[markerIndex + 1] == letterX && chars[markerIndex + 2] == letterT:
                afterMarker = markerIndex + 3
            default:
                return .failure(.unexpectedCharacter(Character(Unicode.Scalar(chars[markerIndex]))))
            }
            while afterMarker < chars.count, chars[afterMarker] == space { afterMarker += 1 }
            if afterMarker < chars.count, chars[afterMarker] == dot || chars[afterMarker] == colon {
                afterMarker += 1
                while afterMarker < chars.count, chars[afterMarker] == space { afterMarker += 1 }
            }
            let digits = chars[afterMarker...]
            guard (1...6).contains(digits.count), digits.allSatisfy(isDigit) else {
                return .failure(.badExtension)
            }
            markedExtension = Array(digits)
            mainEnd = markerIndex
            while mainEnd > 0, chars[mainEnd - 1] == space { mainEnd -= 1 }
        }
        let main = chars[0..<mainEnd]
        if let stray = main.first(where: { $0 == dot || $0 == colon }) {
            return .failure(.unexpectedCharacter(Character(Unicode.Scalar(stray))))
        }
        if main.isEmpty { return .failure(.notAPhoneNumber) }

        // Country code. A national number never starts with 8, so a bare 86 is safe to
        // read as the country code (Excel drops the + of +86 in number cells).
        var position = main.startIndex
        var international = false
        if main[position] == plus {
            guard main.count >= 3, main[position + 1] == digit8, main[position + 2] == digit6 else {
                return .failure(.foreignCountryCode)
            }
            position += 3
            international = true
        } else if main.starts(with: [digit0, digit0, digit8, digit6]) {
            position += 4
            international = true
        } else if main.starts(with: [digit8, digit6]) {
            position += 2
            international = true
        }
        if international {
            while position < main.endIndex, main[position] == space || main[position] == dash { position += 1 }
        }

        // Digit runs. Only the last two matter (a trailing `-801` may be an extension), so
        // their starts are kept in variables rather than arrays: this runs once per row.
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        var runCount = 0
        var lastRunStart = 0
        var previousRunStart = 0
        var dashBeforeLastRun = false
        var pendingDash = false
        var inDigits = false
        var openBracket = false
        var closeBracket = false
        for char in main[position...] {
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
                if runCount == 0 && !openBracket { return .failure(.notAPhoneNumber) }
                if char == dash { pendingDash = true }
                inDigits = false
            case openParen:
                if openBracket || runCount != 0 { return .failure(.notAPhoneNumber) }
                openBracket = true
                inDigits = false
            case closeParen:
                if !openBracket || closeBracket || runCount != 1 { return .failure(.notAPhoneNumber) }
                closeBracket = true
                inDigits = false
            case plus:
                return .failure(.notAPhoneNumber)
            default:
                return .failure(.unexpectedCharacter(Character(Unicode.Scalar(char))))
            }
        }
        // A dangling separator or bracket means the number is incomplete.
        guard inDigits, openBracket == closeBracket else { return .failure(.notAPhoneNumber) }

        if digits[0] == digit1 {
            guard digits.count == 11, (digit3...digit9).contains(digits[1]), !openBracket else {
                return .failure(.notAPhoneNumber)
            }
            // Extensions belong to switchboards; a mobile with one is a typing mistake.
            if markedExtension != nil { return .failure(.badExtension) }
            return .success(PhoneNumber(kind: .mobile, areaCode: nil, subscriber: ascii(digits[...]), extensionNumber: nil))
        }

        // Landline: the national number is the digits after the trunk 0.
        let national: ArraySlice<UInt8>
        if international {
            guard digits[0] != digit0 else { return .failure(.notAPhoneNumber) }
            national = digits[...]
        } else {
            guard digits[0] == digit0 else { return .failure(.notAPhoneNumber) }
            national = digits.dropFirst()
        }
        let whole = landline(national)

        if markedExtension == nil, runCount >= 2, dashBeforeLastRun {
            let lastRun = digits.count - lastRunStart
            let previousRun = lastRunStart - previousRunStart
            if lastRun <= 6, let short = landline(national.dropLast(lastRun)),
               whole == nil || previousRun >= short.subscriber.count {
                // `0571-8888888-8` is a 7-digit number and extension 8: nobody groups a
                // local number as 7 + 1, while `021-1234-5678` groups it as 4 + 4.
                return .success(PhoneNumber(kind: .landline, areaCode: short.areaCode, subscriber: short.subscriber,
                                            extensionNumber: ascii(digits.suffix(lastRun))))
            }
        }
        guard let whole else { return .failure(.notAPhoneNumber) }
        return .success(PhoneNumber(kind: .landline, areaCode: whole.areaCode, subscriber: whole.subscriber,
                                    extensionNumber: markedExtension.map { ascii($0[...]) }))
    }

    /// The same as `parse(_:)`, throwing a `PhoneNumberError`.
    public init(parsing raw: String) throws {
        self = try Self.parse(raw).get()
    }

    /// Splits a national number (without the trunk 0) into area code and local number.
    private static func landline(_ national: ArraySlice<UInt8>) -> (areaCode: String, subscriber: String)? {
        guard national.count >= 2 else { return nil }
        let first = national[national.startIndex]
        let second = national[national.startIndex + 1]
        let areaLength: Int
        let subscriberLengths: ClosedRange<Int>
        switch first {
        case digit1 where second == digit0, digit2:
            areaLength = 2
            subscriberLengths = 8...8
        case digit3...digit9:
            areaLength = 3
            subscriberLengths = 7...8
        default:
            return nil
        }
        let subscriber = national.dropFirst(areaLength)
        guard subscriberLengths.contains(subscriber.count),
              let lead = subscriber.first, lead != digit0, lead != digit1 else { return nil }
        return (ascii(national.prefix(areaLength)), ascii(subscriber))
    }

    private static func ascii(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= digit0 && byte <= digit9 }
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
private let digit1 = UInt8(ascii: "1")
private let digit2 = UInt8(ascii: "2")
private let digit3 = UInt8(ascii: "3")
private let digit6 = UInt8(ascii: "6")
private let digit8 = UInt8(ascii: "8")
private let digit9 = UInt8(ascii: "9")
