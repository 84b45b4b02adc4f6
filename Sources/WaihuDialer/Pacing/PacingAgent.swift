import WaihuDomain

/// One logged-in agent in a pacing snapshot.
public struct PacingAgent: Codable, Sendable, Equatable {
    /// The agent's state; pacing reads it through `isAvailableForCalls` and `countsAsTalking`.
    public var state: AgentState
    /// Seconds since the agent entered `state`; how close a talk or wrap-up is to its end.
    public var secondsInState: Double

    public init(_ state: AgentState, secondsInState: Double) {
        self.state = state
        self.secondsInState = secondsInState
    }
}
