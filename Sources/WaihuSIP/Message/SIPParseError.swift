/// Why bytes could not be read as a SIP message. A server answers 400 with `reason`
/// when the message got far enough to be answerable, and drops it otherwise.
public enum SIPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case notUTF8
    case missingHeaderTerminator
    case invalidStartLine(String)
    case unsupportedVersion(String)
    case invalidStatusCode(String)
    case invalidHeaderLine(String)
    case invalidContentLength(String)
    case bodyTruncated(expected: Int, available: Int)
    case missingHeader(String)
    case invalidURI(String)
    case invalidAddress(String)
    case invalidVia(String)
    case invalidParameter(String)
    case invalidCSeq(String)
    case cseqMethodMismatch(requestMethod: String, cseqMethod: String)
    case tooLarge(Int)

    /// Short text for a 400 reason phrase or a log line.
    public var description: String {
        switch self {
        case .empty: return "Empty message"
        case .notUTF8: return "Header section is not valid UTF-8"
        case .missingHeaderTerminator: return "Missing blank line after headers"
        case .invalidStartLine(let line): return "Malformed start line: \(line.prefix(80))"
        case .unsupportedVersion(let version): return "Unsupported SIP version \(version.prefix(20))"
        case .invalidStatusCode(let code): return "Malformed status code \(code.prefix(20))"
        case .invalidHeaderLine(let line): return "Malformed header line: \(line.prefix(80))"
        case .invalidContentLength(let value): return "Malformed Content-Length \(value.prefix(20))"
        case .bodyTruncated(let expected, let available):
            return "Body shorter than Content-Length (\(available) of \(expected) bytes)"
        case .missingHeader(let name): return "Missing \(name) header"
        case .invalidURI(let text): return "Malformed URI \(text.prefix(80))"
        case .invalidAddress(let text): return "Malformed address \(text.prefix(80))"
        case .invalidVia(let text): return "Malformed Via \(text.prefix(80))"
        case .invalidParameter(let text): return "Malformed parameter \(text.prefix(40))"
        case .invalidCSeq(let text): return "Malformed CSeq \(text.prefix(40))"
        case .cseqMethodMismatch(let method, let cseq): return "CSeq method \(cseq) does not match \(method)"
        case .tooLarge(let size): return "Message of \(size) bytes is too large"
        }
    }
}
