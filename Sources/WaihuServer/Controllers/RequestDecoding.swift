import Vapor
import WaihuDomain

extension Request {
    /// Decodes a JSON body with a 400 whose message names the field that is wrong or missing.
    func decodeBody<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try content.decode(T.self)
        } catch let error as DecodingError {
            throw Abort(.badRequest, reason: error.fieldMessage)
        }
    }
}

extension DecodingError {
    /// "field 'role': …" style messages for API clients.
    var fieldMessage: String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch self {
        case .keyNotFound(let key, let context):
            let full = path(context.codingPath + [key])
            return "field '\(full)' is required"
        case .typeMismatch(let type, let context):
            return "field '\(path(context.codingPath))' must be \(Self.describe(type))"
        case .valueNotFound(let type, let context):
            return "field '\(path(context.codingPath))' must be \(Self.describe(type)), not null"
        case .dataCorrupted(let context):
            // A plan key the plan does not know names itself, from the plan's top.
            if let unknown = context.underlyingError as? UnknownPlanKey { return unknown.description }
            let at = path(context.codingPath)
            return at.isEmpty ? "the body is not valid JSON" : "field '\(at)' is invalid: \(context.debugDescription)"
        @unknown default:
            return "the body could not be read"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Double.Type: return "a number"
        default: return "\(type)"
        }
    }
}
