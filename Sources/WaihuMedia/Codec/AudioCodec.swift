/// The G.711 variant a call leg negotiated, with frame-level encode/decode.
public enum AudioCodec: Sendable, Equatable {
    case pcmu, pcma

    /// Static RTP payload type (RFC 3551).
    public var payloadType: UInt8 { self == .pcmu ? 0 : 8 }

    public func encode(_ samples: [Int16]) -> [UInt8] {
        switch self {
        case .pcmu: return samples.map { G711.ulaw(fromLinear: $0) }
        case .pcma: return samples.map { G711.alaw(fromLinear: $0) }
        }
    }

    public func decode(_ payload: [UInt8]) -> [Int16] {
        switch self {
        case .pcmu: return payload.map { G711.linear(fromUlaw: $0) }
        case .pcma: return payload.map { G711.linear(fromAlaw: $0) }
        }
    }

    /// One 20 ms frame of digital silence. Sent while nothing plays so that NAT
    /// mappings and carriers' RTP-timeout detectors stay happy.
    public var silenceFrame: [UInt8] { encode([Int16](repeating: 0, count: 160)) }
}
