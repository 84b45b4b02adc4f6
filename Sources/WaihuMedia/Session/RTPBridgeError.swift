/// Why two RTP sessions could not be bridged.
public enum RTPBridgeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The relay runs inside one event loop; bind both legs on the same loop.
    case differentEventLoops

    public var description: String {
        switch self {
        case .differentEventLoops: return "the two call legs' RTP sessions run on different event loops; bind them on one loop to bridge"
        }
    }
}
