/// A mainland China phone number in its canonical form: a mobile (手机) or a
/// landline (固话) with an optional extension (分机).
///
/// Two spellings of the same number have the same `key`; the key is what the
/// do-not-call list and duplicate checks compare. Parse with `PhoneNumber.parse(_:)`.
public struct PhoneNumber: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// 手机
        case mobile
        /// 固话
        case landline
    }

    public let kind: Kind
    /// 区号 without its leading 0 (`"21"`, `"571"`); nil for mobiles.
    public let areaCode: String?
    /// The 11 digits of a mobile, or a landline's local number (7 or 8 digits).
    public let subscriber: String
    /// 分机, dialled after the call is answered; never part of the key.
    public let extensionNumber: String?

    public init(kind: Kind, areaCode: String?, subscriber: String, extensionNumber: String?) {
        self.kind = kind
        self.areaCode = areaCode
        self.subscriber = subscriber
        self.extensionNumber = extensionNumber
    }

    /// `+86` and the national significant number: `+8613800138000`, `+862162345678`.
    public var key: String {
        "+86" + (areaCode ?? "") + subscriber
    }

    /// The digits dialled from inside China: `13800138000`, `02162345678`.
    public var nationalNumber: String {
        switch kind {
        case .mobile: return subscriber
        case .landline: return "0" + (areaCode ?? "") + subscriber
        }
    }

    /// How the number is shown to agents: `138 0013 8000`, `021-62345678 转801`.
    public var displayString: String {
        switch kind {
        case .mobile:
            let digits = Array(subscriber)
            guard digits.count == 11 else { return subscriber }
            return String(digits[0..<3]) + " " + String(digits[3..<7]) + " " + String(digits[7..<11])
        case .landline:
            let main = "0" + (areaCode ?? "") + "-" + subscriber
            if let extensionNumber { return main + " 转" + extensionNumber }
            return main
        }
    }
}
