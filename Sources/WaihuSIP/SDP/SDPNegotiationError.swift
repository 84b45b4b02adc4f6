/// Offer/answer failures; each maps to the SIP status a UAS answers with.
public enum SDPNegotiationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(SDPParseError)
    case noAudioStream
    case noCommonCodec(offered: [String])
    case missingConnectionAddress

    /// 488 Not Acceptable Here for anything we cannot accept (RFC 3261 §13.3.1.3).
    public var statusCode: Int { 488 }

    public var description: String {
        switch self {
        case .invalid(let error): return error.description
        case .noAudioStream: return "The offer has no active audio stream"
        case .noCommonCodec(let offered):
            return "No common codec: offered \(offered.joined(separator: ",")), waihu supports PCMU and PCMA"
        case .missingConnectionAddress: return "The audio stream has no connection address"
        }
    }
}
