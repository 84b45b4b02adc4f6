/// Where a lead stands within one campaign (`campaign_leads.state`). Stored by raw value.
///
/// The moves between these states are `CampaignLeadLifecycle`'s, and only the server's
/// `CampaignLeadStore` writes them; see docs/development.md for the table.
public enum CampaignLeadState: String, Codable, CaseIterable, Sendable {
    /// May be dialed once its `next_dial_at` has passed and the dial gate allows it.
    case waiting
    /// Claimed by a dialer: a call is being placed or is up. Never claimed twice.
    case dialing
    /// Answered and put through to an agent; waits for the agent's disposition.
    case wrapUp = "wrap_up"
    /// Settled: nothing more to dial in this campaign (`CampaignLeadDoneReason` says why).
    case done

    /// Leads in these states keep a campaign from being finished: they may still be dialed,
    /// or a disposition still to come may ask for a callback.
    public static let open: [CampaignLeadState] = [.waiting, .dialing, .wrapUp]

    /// 中文 label for the campaign's lead list.
    public var chinese: String {
        switch self {
        case .waiting: return "待拨"
        case .dialing: return "呼叫中"
        case .wrapUp: return "待小结"
        case .done: return "已完成"
        }
    }
}
