import Foundation

/// The result an agent recorded for a call (小结). JSON Lines type `disposition`.
public struct DispositionRecord: Codable, Equatable, Sendable {
    public var leadID: String
    public var campaignID: String
    public var callID: String?
    public var agentID: String?
    /// The campaign's own disposition code, e.g. "renewed_elsewhere".
    public var code: String
    /// What the code means for KPIs.
    public var category: DispositionCategory
    public var at: Date
    public var note: String?

    public init(leadID: String, campaignID: String, callID: String? = nil, agentID: String? = nil,
                code: String, category: DispositionCategory, at: Date, note: String? = nil) {
        self.leadID = leadID
        self.campaignID = campaignID
        self.callID = callID
        self.agentID = agentID
        self.code = code
        self.category = category
        self.at = at
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case leadID = "lead_id"
        case campaignID = "campaign_id"
        case callID = "call_id"
        case agentID = "agent_id"
        case code
        case category
        case at
        case note
    }
}
