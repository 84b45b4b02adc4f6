/// Hours spent calling (外呼工作时长): the denominator of 每小时呼叫次数, as the center's
/// KPI definitions put it ("outbound calls placed / hours spent calling").
///
/// An agent is calling while ready for the next call, on a call, or wrapping one up. Breaks,
/// meals, training and other not-ready time, internal calls and help requests are logged-in
/// time but not calling time: dividing by them would make an agent who took a long lunch
/// look slow on the phone.
public enum CallingTimeRule {
    /// Whether time in `state` is time spent calling. Every state is decided here, so a new
    /// one must say.
    public static func isCalling(_ state: AgentState) -> Bool {
        switch state {
        case .ready, .reserved, .ringing, .onCall, .wrapUp:
            return true
        case .loggedOut, .notReady, .internalCall, .helpRequest:
            return false
        }
    }

    /// The calling states, for queries that select by stored value.
    public static var callingStates: [AgentState] { AgentState.recordedStates.filter(isCalling) }
}
