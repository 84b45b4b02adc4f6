import WaihuDomain

/// A do-not-call change that cannot be made.
public enum DoNotCallError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidNumber(String)
    case invalidDate(String)
    case notListed(String)
    case emptyReason
    case unreadableFile(String)

    public var message: String {
        switch self {
        case .invalidNumber(let value): return "'\(value)' is not a mobile or landline number"
        case .invalidDate(let value): return "'\(value)' is not a date; write YYYY-MM-DD"
        case .notListed(let value): return "\(value) is not on the do-not-call list"
        case .emptyReason: return "give a reason (--reason), e.g. 客户拒绝"
        case .unreadableFile(let path): return "cannot read \(path)"
        }
    }

    public var description: String { message }
}
