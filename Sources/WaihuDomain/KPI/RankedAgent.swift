/// An agent's place in a ranking. Ties share a rank and the next rank is skipped (1, 2, 2, 4).
public struct RankedAgent: Equatable, Sendable {
    public var rank: Int
    public var agentID: String
    /// What the agents were ordered by: a sum of ranks (lower is better) for the combined
    /// rankings, the success value (higher is better) for `bySuccessValue`. nil: no value.
    public var score: Double?

    public init(rank: Int, agentID: String, score: Double?) {
        self.rank = rank
        self.agentID = agentID
        self.score = score
    }
}
