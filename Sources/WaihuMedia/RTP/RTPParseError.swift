/// Why a datagram is not an RTP packet we can use; such datagrams are dropped.
public enum RTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooShort(Int)
    case unsupportedVersion(UInt8)
    case headerOverrun
    case invalidPadding

    public var description: String {
        switch self {
        case .tooShort(let count): return "RTP datagram of \(count) bytes is shorter than a header"
        case .unsupportedVersion(let version): return "RTP version \(version) is not 2"
        case .headerOverrun: return "RTP CSRC list or extension runs past the datagram"
        case .invalidPadding: return "RTP padding length is larger than the payload"
        }
    }
}
