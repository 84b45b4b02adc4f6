import Foundation
import WaihuDomain

/// What one call of an agent campaign did: the customer leg's report, which agent took
/// it (nil when none did) and whether it was abandoned (answered but no agent within the
/// grace: it counts against the abandon cap).
public struct AgentCampaignCallResult: Sendable {
    public let lead: CampaignLead
    public let customer: CallReport
    public let agent: String?
    public let abandoned: Bool
    /// Seconds the customer and the agent were connected (通话时长).
    public let talkSeconds: Double
    public let placedAt: Date
    public let endedAt: Date

    public init(lead: CampaignLead, customer: CallReport, agent: String?, abandoned: Bool, talkSeconds: Double,
                placedAt: Date, endedAt: Date) {
        self.lead = lead
        self.customer = customer
        self.agent = agent
        self.abandoned = abandoned
        self.talkSeconds = talkSeconds
        self.placedAt = placedAt
        self.endedAt = endedAt
    }
}
