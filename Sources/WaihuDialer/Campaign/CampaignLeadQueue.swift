/// Where a running campaign takes its next lead from. The server's queue applies the
/// dial-time rules (window, do-not-call, attempt limits, retries) and claims the lead so
/// no other dialer takes it.
public protocol CampaignLeadQueue: Sendable {
    func nextLead() async throws -> NextLead
}

/// The answer of `CampaignLeadQueue.nextLead()`.
public enum NextLead: Sendable, Equatable {
    /// Dial this one; it is claimed.
    case lead(CampaignLead)
    /// Nothing may be dialed now, but leads remain (window closed, retries not due):
    /// ask again later.
    case notNow
    /// Every lead is settled: the campaign is finished.
    case finished
}

/// A fixed list of leads, dialed in order: for `waihu call` tests and the command line.
public actor FixedLeadQueue: CampaignLeadQueue {
    private var leads: [CampaignLead]
    private var index = 0

    public init(_ leads: [CampaignLead]) {
        self.leads = leads
    }

    public func nextLead() -> NextLead {
        guard index < leads.count else { return .finished }
        index += 1
        return .lead(leads[index - 1])
    }
}
