/// Where a lead stands within one campaign. Stored by raw value.
public enum CampaignLeadState: String, Codable, CaseIterable, Sendable {
    /// May be dialed once its `next_dial_at` has passed and the dial gate allows it.
    case waiting
    /// Claimed by a dialer: a call is being placed or is up. Never claimed twice.
    case dialing
    /// Answered and put through to an agent; waits for the agent's disposition.
    case wrapUp = "wrap_up"
    /// Settled: nothing more to dial in this campaign.
    case done
}
