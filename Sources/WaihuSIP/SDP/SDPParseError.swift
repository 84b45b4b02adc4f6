/// Why a session description could not be read.
public enum SDPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    case notUTF8
    case invalidLine(String)
    case missingField(String)
    case invalidMediaLine(String)

    public var description: String {
        switch self {
        case .notUTF8: return "SDP body is not UTF-8"
        case .invalidLine(let line): return "Malformed SDP line: \(line.prefix(60))"
        case .missingField(let name): return "SDP lacks \(name)"
        case .invalidMediaLine(let line): return "Malformed SDP media line: \(line.prefix(60))"
        }
    }
}
