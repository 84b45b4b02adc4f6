import Foundation

/// A recorded breach of rules by an agent (违规违纪). JSON Lines type `violation`.
public struct ViolationRecord: Codable, Equatable, Sendable {
    public var agentID: String
    public var at: Date
    /// What was breached, e.g. "promised_refund", "late". Free text: centers use their own lists.
    public var kind: String
    public var note: String?

    public init(agentID: String, at: Date, kind: String, note: String? = nil) {
        self.agentID = agentID
        self.at = at
        self.kind = kind
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case agentID = "agent_id"
        case at
        case kind
        case note
    }
}
