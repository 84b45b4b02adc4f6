/// The outcome of offer/answer for the audio stream of a call leg: what the RTP
/// session needs to start.
public struct NegotiatedMedia: Sendable, Equatable {
    public var codec: SDPAudioCodec
    public var payloadType: Int
    /// RFC 4733 telephone-event payload type, `nil` when the peer has none (then DTMF
    /// can only be detected in-band).
    public var telephoneEventPayloadType: Int?
    public var remoteAddress: String
    public var remotePort: Int
    public var direction: SDPDirection
    public var packetTimeMilliseconds: Int
}
