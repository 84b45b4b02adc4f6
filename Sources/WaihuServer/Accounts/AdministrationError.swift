import Vapor
import WaihuDomain

/// Why an account change was refused, with the message the API and the CLI show.
public enum AdministrationError: Error, AbortError, CustomStringConvertible {
    case invalidField(AccountRuleError)
    case usernameTaken(String)
    case teamNameTaken(String)
    case unknownTeam(String)
    case unknownUser(String)
    case leaderRole(username: String, role: String)
    case cannotDisableYourself
    case lastAdministrator

    public var status: HTTPResponseStatus {
        switch self {
        case .invalidField, .leaderRole, .cannotDisableYourself, .lastAdministrator: return .badRequest
        case .usernameTaken, .teamNameTaken: return .conflict
        case .unknownTeam, .unknownUser: return .notFound
        }
    }

    public var reason: String { description }

    public var description: String {
        switch self {
        case .invalidField(let error): return error.message
        case .usernameTaken(let name): return "username '\(name)' is already taken"
        case .teamNameTaken(let name): return "team '\(name)' already exists"
        case .unknownTeam(let name): return "team '\(name)' does not exist: create it first (waihu team add)"
        case .unknownUser(let name): return "user '\(name)' does not exist"
        case .leaderRole(let username, let role): return "leader: '\(username)' is \(role); a team leader must be a supervisor or an admin"
        case .cannotDisableYourself: return "disabled: you cannot disable your own account"
        case .lastAdministrator: return "role: this is the last active administrator; create another one first"
        }
    }
}

extension AdministrationError {
    /// Runs a rule from `AccountRules`, turning its refusal into an administration error.
    public static func checking<T>(_ rule: () throws -> T) throws -> T {
        do {
            return try rule()
        } catch let error as AccountRuleError {
            throw AdministrationError.invalidField(error)
        }
    }
}
