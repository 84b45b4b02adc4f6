/// How a call ended in SIP terms, as the call-progress rule needs it: the dialer builds it
/// from the call leg's end and the final response's `Reason: Q.850;cause=N` header.
public enum CallSignalling: Sendable, Equatable {
    /// A 2xx answered the INVITE.
    case answered
    /// A final 3xx–6xx before any answer; `q850` from its Reason header, when it had one.
    case declined(status: Int, q850: Int?)
    /// Our ring timeout ran out and we cancelled.
    case ringTimeout
    /// We cancelled before the answer: the audio had already told us enough, or someone hung up.
    case cancelledByUs
    /// No final response at all (timer B): the trunk is unreachable.
    case noResponse
    case transportError
    /// The answer's media was unusable (no common codec), so we hung up.
    case mediaFailure
}
