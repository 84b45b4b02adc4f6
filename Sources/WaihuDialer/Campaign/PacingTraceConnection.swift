import Foundation

/// How one live answer was put through (or not): the moments from the customer's answer to
/// the agent's, so the answer-to-bridge latency can be measured. Times are unix seconds; a
/// step that never happened is nil (null in JSON).
public struct PacingTraceConnection: Sendable, Equatable, Codable {
    /// The customer answered (the 200 OK), before any check that it is a person.
    public var answeredAt: Double
    /// An agent was taken for the customer (at once, or when one became ready within the grace).
    public var agentAssignedAt: Double?
    /// The agent's phone was rung.
    public var agentRungAt: Double?
    /// The agent's phone answered: the two were bridged.
    public var agentAnsweredAt: Double?
    /// Nobody took the customer within the grace, or the agent's phone did not answer.
    public var abandoned: Bool
    /// The agent's phone (extension), once one was taken.
    public var agentPhone: String?

    public init(answeredAt: Double, agentAssignedAt: Double? = nil, agentRungAt: Double? = nil, agentAnsweredAt: Double? = nil,
                abandoned: Bool = false, agentPhone: String? = nil) {
        self.answeredAt = answeredAt
        self.agentAssignedAt = agentAssignedAt
        self.agentRungAt = agentRungAt
        self.agentAnsweredAt = agentAnsweredAt
        self.abandoned = abandoned
        self.agentPhone = agentPhone
    }

    /// Seconds from the customer's answer to the agent's phone ringing.
    public var answerToRing: Double? { agentRungAt.map { $0 - answeredAt } }

    private enum CodingKeys: String, CodingKey {
        case answeredAt = "answered_at", agentAssignedAt = "agent_assigned_at", agentRungAt = "agent_rung_at"
        case agentAnsweredAt = "agent_answered_at", abandoned, agentPhone = "agent"
    }

    // Written by hand so a step that never happened is an explicit null, not a missing key.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(answeredAt, forKey: .answeredAt)
        try container.encode(agentAssignedAt, forKey: .agentAssignedAt)
        try container.encode(agentRungAt, forKey: .agentRungAt)
        try container.encode(agentAnsweredAt, forKey: .agentAnsweredAt)
        try container.encode(abandoned, forKey: .abandoned)
        try container.encode(agentPhone, forKey: .agentPhone)
    }
}
