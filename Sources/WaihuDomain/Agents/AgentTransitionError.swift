/// A move the agent state machine refuses, with what to tell the person who asked.
public enum AgentTransitionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `event` cannot happen while the agent is in `state`.
    case refused(AgentEvent, in: AgentState)

    public var description: String {
        switch self {
        case .refused(let event, .loggedOut):
            return "\(event.rawValue): log in to a campaign first"
        case .refused(.logIn, let state):
            return "log_in: already logged in (\(state.rawValue)); log out first"
        case .refused(let event, let state) where state.countsAsTalking:
            return "\(event.rawValue): you are on a call (\(state.chineseName))"
        case .refused(let event, let state):
            return "\(event.rawValue) is not possible while \(state.rawValue) (\(state.chineseName))"
        }
    }
}
