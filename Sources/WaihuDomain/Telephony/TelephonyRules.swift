/// What a trunk (线路) and an agent phone (分机) may look like. The API, the command
/// line and the admin page all check through here, so a value refused in one place is
/// refused everywhere with the same words.
public enum TelephonyRules {
    /// A trunk's name: a short label such as `carrier-a` or `移动1`.
    public static func validateTrunkName(_ name: String) throws {
        guard (1...40).contains(name.count) else {
            throw TelephonyRuleError.invalid(field: "name", reason: "must be 1 to 40 characters long (got \(name.count))")
        }
        if let bad = name.first(where: { $0.isWhitespace || $0 == "/" || $0 == ":" }) {
            throw TelephonyRuleError.invalid(field: "name", reason: "may not contain '\(bad == " " ? "space" : String(bad))'")
        }
    }

    /// The engine sends SIP only to IP literals: no DNS lookups on the signalling path,
    /// and no name a message could point elsewhere.
    public static func validateHost(_ host: String) throws {
        guard isIPv4(host) || isIPv6(host) else {
            throw TelephonyRuleError.invalid(field: "host", reason: "'\(host)' is not an IP address (write e.g. 192.0.2.10)")
        }
    }

    public static func validatePort(_ port: Int) throws {
        guard (1...65535).contains(port) else {
            throw TelephonyRuleError.invalid(field: "port", reason: "must be 1 to 65535 (got \(port))")
        }
    }

    /// 主叫号码: digits, optionally after a `+`; empty means the trunk's default.
    public static func validateCallerID(_ callerID: String) throws {
        let digits = callerID.hasPrefix("+") ? String(callerID.dropFirst()) : callerID
        guard digits.count <= 20, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw TelephonyRuleError.invalid(field: "caller_id", reason: "'\(callerID)' must be up to 20 digits, optionally after '+'")
        }
    }

    public static func validateLimits(maxConcurrent: Int, maxPerSecond: Int, ringTimeout: Int) throws {
        guard (1...10_000).contains(maxConcurrent) else {
            throw TelephonyRuleError.invalid(field: "max_concurrent", reason: "must be 1 to 10000 (got \(maxConcurrent))")
        }
        guard (1...1_000).contains(maxPerSecond) else {
            throw TelephonyRuleError.invalid(field: "max_cps", reason: "must be 1 to 1000 (got \(maxPerSecond))")
        }
        guard (5...300).contains(ringTimeout) else {
            throw TelephonyRuleError.invalid(field: "ring_timeout", reason: "must be 5 to 300 seconds (got \(ringTimeout))")
        }
    }

    /// 分机号: 2 to 10 digits, the SIP user the phone registers as.
    public static func validateExtension(_ phoneExtension: String) throws {
        guard (2...10).contains(phoneExtension.count), phoneExtension.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw TelephonyRuleError.invalid(field: "extension", reason: "'\(phoneExtension)' must be 2 to 10 digits")
        }
    }

    /// A phone's SIP password: long enough not to be guessed within the throttle, and
    /// printable ASCII so every phone's keypad or web page can take it.
    public static func validatePhonePassword(_ password: String) throws {
        guard (8...64).contains(password.count) else {
            throw TelephonyRuleError.invalid(field: "password", reason: "must be 8 to 64 characters long (got \(password.count))")
        }
        guard password.allSatisfy({ $0.isASCII && !$0.isWhitespace && ($0.asciiValue ?? 0) >= 33 && $0 != "\"" }) else {
            throw TelephonyRuleError.invalid(field: "password", reason: "must be printable ASCII without spaces or quotes")
        }
    }

    /// A trunk account password may be anything the carrier issued, but not empty.
    public static func validateTrunkCredentials(username: String?, password: String?) throws {
        switch (username?.isEmpty == false ? username : nil, password?.isEmpty == false ? password : nil) {
        case (nil, nil), (.some, .some): return
        case (.some, nil): throw TelephonyRuleError.invalid(field: "password", reason: "a username needs a password")
        case (nil, .some): throw TelephonyRuleError.invalid(field: "username", reason: "a password needs a username")
        }
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber } && Int(part)! <= 255
        }
    }

    static func isIPv6(_ text: String) -> Bool {
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        guard text.contains(":"), groups.count >= 3, groups.count <= 8 else { return false }
        let empties = text.components(separatedBy: "::").count - 1
        guard empties <= 1 else { return false }
        return groups.allSatisfy { group in group.count <= 4 && group.allSatisfy(\.isHexDigit) }
            && (empties == 1 || groups.count == 8)
    }
}

/// A refused trunk or phone value, naming the field.
public enum TelephonyRuleError: Error, Equatable, Sendable {
    case invalid(field: String, reason: String)

    public var message: String {
        switch self {
        case .invalid(let field, let reason): return "\(field): \(reason)"
        }
    }
}
