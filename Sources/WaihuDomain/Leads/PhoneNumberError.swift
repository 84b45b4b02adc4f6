/// Why a cell could not be read as a phone number. Every case is reported as
/// `invalid_phone` in an import; the message tells the list manager what to fix.
public enum PhoneNumberError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The cell is empty or blank.
    case empty
    /// A character that no phone spelling uses (a letter, `/`, `;`…).
    case unexpectedCharacter(Character)
    /// `+` followed by something other than 86: only mainland numbers are dialled.
    case foreignCountryCode
    /// An extension marker (`转`, `ext`, `x`) without 1–6 digits after it, or an
    /// extension written after a mobile number.
    case badExtension
    /// The digits fit neither the mobile nor the landline pattern (wrong length,
    /// unknown area code, local number starting with 0 or 1, misplaced brackets…).
    case notAPhoneNumber

    public var message: String {
        switch self {
        case .empty:
            return "the phone number is empty"
        case .unexpectedCharacter(let character):
            return "a phone number cannot contain '\(character)'"
        case .foreignCountryCode:
            return "only mainland China numbers (+86) can be called"
        case .badExtension:
            return "an extension (分机) must be 1 to 6 digits after a complete landline number"
        case .notAPhoneNumber:
            return "not a mobile number (11 digits starting 13–19) or a landline (0 + area code + local number)"
        }
    }

    public var description: String { message }
}
