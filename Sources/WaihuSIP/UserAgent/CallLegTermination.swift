/// Why an outbound call leg ended, in SIP terms. The dialer maps it to a call outcome
/// (answered, busy, no answer, rejected, failed); this module knows no campaigns.
public enum CallLegTermination: Sendable, Equatable {
    /// Answered, then the far end sent BYE (the customer hung up first).
    case remoteHangUp
    /// Answered, then we sent BYE.
    case localHangUp
    /// A final 3xx–6xx before any answer, not caused by our CANCEL (486 busy, 404, 603…).
    case declined(status: Int)
    /// Nobody answered within the ring timeout; we cancelled. `status` is the final
    /// response that closed the INVITE (487, or 200 when the answer crossed our CANCEL).
    case ringTimeout(status: Int?)
    /// We hung up before the answer (CANCEL); `status` as for `ringTimeout`.
    case cancelled(status: Int?)
    /// No final response to the INVITE within 64·T1 (timer B): the trunk is unreachable.
    case noResponse
    case transportError

    /// The SIP status that best describes the end, for reports (`sip_status`).
    public var sipStatus: Int? {
        switch self {
        case .remoteHangUp, .localHangUp: return 200
        case .declined(let status): return status
        case .ringTimeout(let status), .cancelled(let status): return status
        case .noResponse: return 408
        case .transportError: return 503
        }
    }

    /// Whether the call was answered before it ended.
    public var wasAnswered: Bool { self == .remoteHangUp || self == .localHangUp }
}
