import Foundation

/// A customer complaint (投诉). JSON Lines type `complaint`.
public struct ComplaintRecord: Codable, Equatable, Sendable {
    public var complaintID: String
    public var at: Date
    public var leadID: String?
    public var callID: String?
    public var campaignID: String?
    public var agentID: String?
    /// Caused by an outbound call (外呼投诉); counts in the complaint rate.
    public var causedByOutbound: Bool
    /// Confirmed as the agent's fault (投诉案件); nil while not yet investigated.
    public var agentAtFault: Bool?
    public var summary: String?

    public init(complaintID: String, at: Date, leadID: String? = nil, callID: String? = nil,
                campaignID: String? = nil, agentID: String? = nil, causedByOutbound: Bool,
                agentAtFault: Bool? = nil, summary: String? = nil) {
        self.complaintID = complaintID
        self.at = at
        self.leadID = leadID
        self.callID = callID
        self.campaignID = campaignID
        self.agentID = agentID
        self.causedByOutbound = causedByOutbound
        self.agentAtFault = agentAtFault
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey {
        case complaintID = "complaint_id"
        case at
        case leadID = "lead_id"
        case callID = "call_id"
        case campaignID = "campaign_id"
        case agentID = "agent_id"
        case causedByOutbound = "caused_by_outbound"
        case agentAtFault = "agent_at_fault"
        case summary
    }
}
