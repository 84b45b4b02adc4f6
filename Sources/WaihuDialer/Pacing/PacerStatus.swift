/// What a pacer is doing, for the campaign's pacing trace (GET /api/v1/campaigns/:id/pacing)
/// and for explaining an agent's long wait: whether it is still ramping up, on what estimates.
public struct PacerStatus: Sendable, Equatable, Codable {
    /// The risk threshold a predictive pacer uses now (0: progressive); nil for other pacers.
    public var threshold: Double?
    /// How much of the learned threshold the abandon budget lets through, 0…1 (below 1: the
    /// day's allowance is short, the pacer is ramping or tapering); nil for other pacers.
    public var budgetFactor: Double?
    /// The answer probability the pacer assumes now.
    public var answerProbability: Double?
    /// Outcomes the pacer has learnt from in this run.
    public var observations: Int
    /// Whether it started from the history of earlier campaigns (a warm start).
    public var warmStart: Bool

    public init(threshold: Double? = nil, budgetFactor: Double? = nil, answerProbability: Double? = nil,
                observations: Int = 0, warmStart: Bool = false) {
        self.threshold = threshold
        self.budgetFactor = budgetFactor
        self.answerProbability = answerProbability
        self.observations = observations
        self.warmStart = warmStart
    }

    private enum CodingKeys: String, CodingKey {
        case threshold, budgetFactor = "budget_factor", answerProbability = "answer_probability", observations
        case warmStart = "warm_start"
    }
}
