import WaihuSIP

/// What the engine's SIP loop tells a leg's driver task, in order.
enum CallLegSIPEvent: Sendable {
    /// A 180/183; with an SDP body it opens early media (tones and announcements before any answer).
    case ringing(SIPResponse)
    /// The 2xx with the SDP answer.
    case answered(SIPResponse)
    /// `q850`: the cause in the refusing final response's Reason header.
    case ended(CallLegTermination, q850: Int?)
}
