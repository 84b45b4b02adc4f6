import Foundation

/// An agent logging in to or out of the system (签入 / 签出). JSON Lines type `agent_session`.
public struct AgentSessionEvent: Codable, Equatable, Sendable {
    /// 签入 or 签出.
    public enum Kind: String, StoredEnum {
        case login
        case logout

        public init(from decoder: Decoder) throws { self = try Self.decodeStored(from: decoder) }
    }

    public var agentID: String
    public var kind: Kind
    public var at: Date
    /// The seat (座席终端) used, when known.
    public var seatID: String?

    public init(agentID: String, kind: Kind, at: Date, seatID: String? = nil) {
        self.agentID = agentID
        self.kind = kind
        self.at = at
        self.seatID = seatID
    }

    enum CodingKeys: String, CodingKey {
        case agentID = "agent_id"
        case kind
        case at
        case seatID = "seat_id"
    }
}
