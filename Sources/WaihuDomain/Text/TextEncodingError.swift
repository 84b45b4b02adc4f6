/// A file whose text waihu cannot decode.
public enum TextEncodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file starts with a UTF-16 byte-order mark ("Unicode text" in Excel).
    case utf16NotSupported
    /// The system's iconv has no converter for the encoding.
    case converterUnavailable(TextEncoding)

    public var message: String {
        switch self {
        case .utf16NotSupported:
            return "the file is UTF-16 (Excel \"Unicode text\"); save it as \"CSV UTF-8\" or plain CSV"
        case .converterUnavailable(let encoding):
            return "this system cannot convert \(encoding.rawValue) text (iconv has no converter for it)"
        }
    }

    public var description: String { message }
}
