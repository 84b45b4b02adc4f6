/// Where a running campaign takes its next lead from. The server's queue applies the
/// dial-time rules (window, do-not-call, attempt limits, retries) and claims the lead so
/// no other dialer takes it; `nil` means there is nothing left to dial.
public protocol CampaignLeadQueue: Sendable {
    func nextLead() async throws -> CampaignLead?
}

/// A fixed list of leads, dialed in order: for `waihu call` tests and the command line.
public actor FixedLeadQueue: CampaignLeadQueue {
    private var leads: [CampaignLead]
    private var index = 0

    public init(_ leads: [CampaignLead]) {
        self.leads = leads
    }

    public func nextLead() -> CampaignLead? {
        guard index < leads.count else { return nil }
        index += 1
        return leads[index - 1]
    }
}
