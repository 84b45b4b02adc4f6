import WaihuSIP

/// What the engine's SIP loop tells a leg's driver task, in order.
enum CallLegSIPEvent: Sendable {
    case ringing
    /// The 2xx with the SDP answer.
    case answered(SIPResponse)
    case ended(CallLegTermination)
}
