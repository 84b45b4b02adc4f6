/// A lead that cannot be shown or changed.
public enum LeadAccessError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound
    case invalidValue(field: String, value: String, expected: String)
    case unknownField(String)

    public var message: String {
        switch self {
        case .notFound: return "no such lead"
        case .invalidValue(let field, let value, let expected): return "\(field): '\(value)' is not \(expected)"
        case .unknownField(let field): return "field '\(field)' cannot be edited"
        }
    }

    public var description: String { message }
}
