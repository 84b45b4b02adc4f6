/// An answered customer is being put through to an agent: the agent desktop shows the
/// lead (弹屏) at the moment the agent's phone rings.
public struct ScreenPop: Sendable, Equatable {
    public let agentPhone: String
    public let lead: CampaignLead

    public init(agentPhone: String, lead: CampaignLead) {
        self.agentPhone = agentPhone
        self.lead = lead
    }
}
