/// One logged-in agent in a pacing snapshot.
public struct PacingAgent: Codable, Sendable, Equatable {
    public var activity: AgentActivity
    /// Seconds since the agent entered `activity`; how close a talk or wrap-up is to its end.
    public var secondsInState: Double

    public init(_ activity: AgentActivity, secondsInState: Double) {
        self.activity = activity
        self.secondsInState = secondsInState
    }
}
