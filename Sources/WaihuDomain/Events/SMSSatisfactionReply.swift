import Foundation

/// A customer's reply to the post-call satisfaction SMS (短信满意度回复). JSON Lines type `sms_reply`.
public struct SMSSatisfactionReply: Codable, Equatable, Sendable {
    public var number: String
    public var at: Date
    public var rating: SatisfactionRating
    public var callID: String?
    public var leadID: String?
    public var agentID: String?
    public var campaignID: String?
    /// The text the customer sent, e.g. "1".
    public var text: String?

    public init(number: String, at: Date, rating: SatisfactionRating, callID: String? = nil, leadID: String? = nil,
                agentID: String? = nil, campaignID: String? = nil, text: String? = nil) {
        self.number = number
        self.at = at
        self.rating = rating
        self.callID = callID
        self.leadID = leadID
        self.agentID = agentID
        self.campaignID = campaignID
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case number
        case at
        case rating
        case callID = "call_id"
        case leadID = "lead_id"
        case agentID = "agent_id"
        case campaignID = "campaign_id"
        case text
    }
}
