import WaihuDomain

/// What a call leg reports to whoever placed it, in order.
public enum CallLegEvent: Sendable, Equatable {
    /// The far end rings (first 180/183).
    case ringing
    case answered
    /// A key press (RFC 4733) from the far end.
    case digit(Character)
    /// The leg is over and its resources are released.
    case ended(CallOutcome, sipStatus: Int?)
}
