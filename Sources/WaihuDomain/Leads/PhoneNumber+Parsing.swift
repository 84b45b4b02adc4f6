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
    /// around the value are ignored. No regular expressions: this runs once per row.
    public static func parse(_ raw: String) -> Result<PhoneNumber, PhoneNumberError> {
        do throws(PhoneNumberError) {
            return .success(try number(from: PhoneSpelling(raw)))
        } catch {
            return .failure(error)
        }
    }

    /// The same as `parse(_:)`, throwing a `PhoneNumberError`.
    public init(parsing raw: String) throws {
        self = try Self.parse(raw).get()
    }

    private static func number(from spelling: PhoneSpelling) throws(PhoneNumberError) -> PhoneNumber {
        let digits = spelling.digits
        // After +86 a leading 1 is a mobile, except 10: Beijing's area code without its 0.
        let beijingAfterCountryCode = spelling.international && digits.count > 1 && digits[1] == digit0
        if digits[0] == digit1 && !beijingAfterCountryCode {
            guard digits.count == 11, (digit3...digit9).contains(digits[1]), !spelling.bracketed else {
                throw .notAPhoneNumber
            }
            // Extensions belong to switchboards; a mobile with one is a typing mistake.
            if spelling.markedExtension != nil { throw .badExtension }
            return PhoneNumber(kind: .mobile, areaCode: nil, subscriber: ascii(digits[...]), extensionNumber: nil)
        }

        // Landline: the national number is the digits after the trunk 0, which +86 replaces.
        guard (digits[0] == digit0) != spelling.international else { throw .notAPhoneNumber }
        let national = spelling.international ? digits[...] : digits.dropFirst()
        let whole = landline(national)

        if spelling.markedExtension == nil, spelling.runCount >= 2, spelling.dashBeforeLastRun,
           spelling.lastRunLength <= 6, let short = landline(national.dropLast(spelling.lastRunLength)),
           whole == nil || spelling.previousRunLength >= short.subscriber.count {
            // `0571-8888888-8` is a 7-digit number and extension 8: nobody groups a local
            // number as 7 + 1, while `021-6234-5678` groups it as 4 + 4.
            return PhoneNumber(kind: .landline, areaCode: short.areaCode, subscriber: short.subscriber,
                               extensionNumber: ascii(digits.suffix(spelling.lastRunLength)))
        }
        guard let whole else { throw .notAPhoneNumber }
        return PhoneNumber(kind: .landline, areaCode: whole.areaCode, subscriber: whole.subscriber,
                           extensionNumber: spelling.markedExtension.map { ascii($0[...]) })
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
}

private let digit0 = UInt8(ascii: "0")
private let digit1 = UInt8(ascii: "1")
private let digit2 = UInt8(ascii: "2")
private let digit3 = UInt8(ascii: "3")
private let digit9 = UInt8(ascii: "9")
