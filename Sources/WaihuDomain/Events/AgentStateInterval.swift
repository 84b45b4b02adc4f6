import Foundation

/// A stretch of time one agent spent in one state. JSON Lines type `agent_state`.
///
/// Written when the state ends, so it always has both ends; the live screen keeps the
/// current state elsewhere.
public struct AgentStateInterval: Codable, Equatable, Sendable {
    public var agentID: String
    public var state: AgentState
    /// Set only for `notReady` (示忙原因).
    public var reason: NotReadyReason?
    public var start: Date
    public var end: Date
    /// The campaign the agent was working on, when known.
    public var campaignID: String?

    public init(agentID: String, state: AgentState, reason: NotReadyReason? = nil,
                start: Date, end: Date, campaignID: String? = nil) {
        self.agentID = agentID
        self.state = state
        self.reason = reason
        self.start = start
        self.end = end
        self.campaignID = campaignID
    }

    public var duration: TimeInterval { end.timeIntervalSince(start) }

    enum CodingKeys: String, CodingKey {
        case agentID = "agent_id"
        case state
        case reason
        case start
        case end
        case campaignID = "campaign_id"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        agentID = try c.decode(String.self, forKey: .agentID)
        state = try c.decode(AgentState.self, forKey: .state)
        reason = try c.decodeIfPresent(NotReadyReason.self, forKey: .reason)
        start = try c.decode(Date.self, forKey: .start)
        end = try c.decode(Date.self, forKey: .end)
        campaignID = try c.decodeIfPresent(String.self, forKey: .campaignID)
        // A negative interval would subtract from logged-in time and hide a clock problem.
        guard end >= start else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: c, debugDescription: "is before start")
        }
        // Only stored states are intervals: reserved and ringing are stored as on_call, and logged-out
        // time is no interval at all.
        guard state.recorded == state else {
            throw DecodingError.dataCorruptedError(
                forKey: .state, in: c,
                debugDescription: "\(state.rawValue) is not stored; expected one of: \(AgentState.recordedStates.map(\.rawValue).joined(separator: ", "))")
        }
        if reason != nil && state != .notReady {
            throw DecodingError.dataCorruptedError(
                forKey: .reason, in: c, debugDescription: "is only allowed when state is not_ready")
        }
    }
}
