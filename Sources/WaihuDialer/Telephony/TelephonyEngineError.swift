/// Why the engine could not place a call.
public enum TelephonyEngineError: Error, Sendable, Equatable, CustomStringConvertible {
    case noFreeRTPPort(range: ClosedRange<Int>)
    case phoneNotRegistered(String)
    case invalidTarget(String)
    case stopped

    public var description: String {
        switch self {
        case .noFreeRTPPort(let range):
            return "no free RTP port in \(range.lowerBound)-\(range.upperBound); widen the range or place fewer calls at once"
        case .phoneNotRegistered(let ext): return "phone \(ext) is not registered"
        case .invalidTarget(let reason): return "cannot call this target: \(reason)"
        case .stopped: return "the telephony engine has been stopped"
        }
    }
}
