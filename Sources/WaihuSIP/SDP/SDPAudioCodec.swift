/// The audio codecs waihu carries: G.711 only, which every carrier in China accepts
/// and which needs no transcoding for recording.
public enum SDPAudioCodec: String, Sendable, Equatable, CaseIterable {
    case pcmu = "PCMU"
    case pcma = "PCMA"

    /// The static RTP payload type (RFC 3551).
    public var staticPayloadType: Int { self == .pcmu ? 0 : 8 }
    public var clockRate: Int { 8000 }
}
