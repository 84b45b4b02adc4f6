/// What makes a user name, a password, a display name or a team name acceptable.
/// The API and the command line both call these, so they give the same answer and
/// the same message.
public enum AccountRules {
    public static let usernameLength = 2...32
    public static let passwordLength = 8...128
    public static let displayNameLength = 0...64
    public static let teamNameLength = 1...32

    /// A user name is 2–32 letters (Chinese included), digits, `_`, `.` or `-`.
    public static func validateUsername(_ name: String) throws {
        guard usernameLength.contains(name.count) else {
            throw AccountRuleError.invalidLength(field: "username", range: usernameLength, actual: name.count)
        }
        for scalar in name.unicodeScalars {
            let allowed = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "." || scalar == "-"
            if !allowed { throw AccountRuleError.invalidCharacter(field: "username", character: String(scalar)) }
        }
    }

    public static func validatePassword(_ password: String) throws {
        guard passwordLength.contains(password.count) else {
            throw AccountRuleError.invalidLength(field: "password", range: passwordLength, actual: password.count)
        }
    }

    public static func validateDisplayName(_ name: String) throws {
        guard displayNameLength.contains(name.count) else {
            throw AccountRuleError.invalidLength(field: "display_name", range: displayNameLength, actual: name.count)
        }
    }

    /// A team name as stored: blanks (full-width ones included) trimmed at both ends.
    public static func teamName(_ name: String) throws -> String {
        let trimmed = HalfWidth.trimmedString(name)
        guard teamNameLength.contains(trimmed.count) else {
            throw AccountRuleError.invalidLength(field: "name", range: teamNameLength, actual: trimmed.count)
        }
        return trimmed
    }

    /// Parses a role name as stored (`agent`, `list_manager` …) with a message that lists the valid ones.
    public static func role(named name: String) throws -> Role {
        guard let role = Role(rawValue: name) else { throw AccountRuleError.unknownRole(name) }
        return role
    }
}

/// Why an account field was refused; `message` names the field for the user.
public enum AccountRuleError: Error, Equatable, Sendable {
    case invalidLength(field: String, range: ClosedRange<Int>, actual: Int)
    case invalidCharacter(field: String, character: String)
    case unknownRole(String)

    public var field: String {
        switch self {
        case .invalidLength(let field, _, _), .invalidCharacter(let field, _): return field
        case .unknownRole: return "role"
        }
    }

    public var message: String {
        switch self {
        case .invalidLength(let field, let range, let actual):
            return "\(field) must be \(range.lowerBound) to \(range.upperBound) characters long (got \(actual))"
        case .invalidCharacter(let field, let character):
            return "\(field) may not contain '\(character)': use letters, digits, '_', '.' or '-'"
        case .unknownRole(let name):
            let valid = Role.allCases.map(\.rawValue).joined(separator: ", ")
            return "role '\(name)' is unknown: use one of \(valid)"
        }
    }
}
