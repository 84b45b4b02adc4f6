import Vapor
import WaihuDomain

/// Why a trunk or phone change was refused, with the message the API and the CLI show.
public enum TelephonyAdministrationError: Error, AbortError, CustomStringConvertible {
    case invalidField(TelephonyRuleError)
    case trunkNameTaken(String)
    case extensionTaken(String)
    case unknownTrunk(String)
    case unknownPhone(String)
    case unknownAgent(String)
    case noTrunk

    public var status: HTTPResponseStatus {
        switch self {
        case .invalidField: return .badRequest
        case .trunkNameTaken, .extensionTaken: return .conflict
        case .unknownTrunk, .unknownPhone, .unknownAgent, .noTrunk: return .notFound
        }
    }

    public var reason: String { description }

    public var description: String {
        switch self {
        case .invalidField(let error): return error.message
        case .trunkNameTaken(let name): return "trunk '\(name)' already exists"
        case .extensionTaken(let phoneExtension): return "extension \(phoneExtension) already exists"
        case .unknownTrunk(let name): return "trunk '\(name)' does not exist (waihu trunk list)"
        case .unknownPhone(let phoneExtension): return "extension \(phoneExtension) does not exist (waihu phone list)"
        case .unknownAgent(let username): return "agent: user '\(username)' does not exist"
        case .noTrunk: return "no enabled trunk is configured: add one first (waihu trunk add)"
        }
    }

    /// Runs a rule from `TelephonyRules`, turning its refusal into this error.
    public static func checking(_ rule: () throws -> Void) throws {
        do { try rule() } catch let error as TelephonyRuleError { throw TelephonyAdministrationError.invalidField(error) }
    }
}
