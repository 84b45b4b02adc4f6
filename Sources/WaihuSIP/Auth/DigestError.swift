/// Why a digest header or exchange failed, in words an operator can act on.
public enum DigestError: Error, Sendable, Equatable, CustomStringConvertible {
    case notDigest
    case malformed(String)
    case missingParameter(String)
    case unsupportedAlgorithm(String)
    case noChallenge(statusCode: Int)

    public var description: String {
        switch self {
        case .notDigest: return "Authentication scheme is not Digest"
        case .malformed(let item): return "Malformed digest parameter: \(item.prefix(60))"
        case .missingParameter(let name): return "Digest header lacks \(name)"
        case .unsupportedAlgorithm(let name): return "Digest algorithm \(name) is not supported (use MD5 or SHA-256)"
        case .noChallenge(let code): return "The \(code) response carries no usable Digest challenge"
        }
    }
}
