import Foundation
import WaihuDomain

/// What one voice-broadcast call did: the customer leg's report (outcome and failure
/// reason, SIP status, ring and listening seconds, keys, recording) and whether the
/// customer asked for and reached an agent.
public struct BroadcastCallResult: Sendable {
    public let lead: CampaignLead
    public let customer: CallReport
    /// The customer pressed a transfer key.
    public let wantedAgent: Bool
    /// The agent phone the customer was put through to, if one answered.
    public let transferredTo: String?
    /// The agent leg's report, when one was placed.
    public let agent: CallReport?
    /// Seconds the customer and the agent were connected (通话时长); 0 without a transfer.
    public let talkSeconds: Double
    public let placedAt: Date
    public let endedAt: Date

    public init(lead: CampaignLead, customer: CallReport, wantedAgent: Bool, transferredTo: String?, agent: CallReport?,
                talkSeconds: Double = 0, placedAt: Date, endedAt: Date) {
        self.lead = lead
        self.customer = customer
        self.wantedAgent = wantedAgent
        self.transferredTo = transferredTo
        self.agent = agent
        self.talkSeconds = talkSeconds
        self.placedAt = placedAt
        self.endedAt = endedAt
    }
}
