/// The agents a voice-broadcast call can be put through to when the customer presses 1.
/// Claiming takes an agent out of the pool until released, so two callers never reach
/// the same phone.
public protocol TransferAgentPool: Sendable {
    /// The extension of a free agent's registered phone for this caller (the pool may pop
    /// the lead on the agent's desktop), or nil when all are busy.
    func claimAgent(for lead: CampaignLead) async -> String?
    /// The claimed agent answered their phone: the talk begins.
    func agentAnswered(_ phoneExtension: String) async
    /// The call with the agent ended; `talked` is false when the phone did not answer.
    func releaseAgent(_ phoneExtension: String, talked: Bool) async
}

/// A fixed set of phones, each free or busy.
public actor FixedTransferAgents: TransferAgentPool {
    private var free: [String]

    public init(_ extensions: [String]) {
        free = extensions
    }

    public func claimAgent(for lead: CampaignLead) -> String? {
        free.isEmpty ? nil : free.removeFirst()
    }

    public func agentAnswered(_ phoneExtension: String) {}

    public func releaseAgent(_ phoneExtension: String, talked: Bool) {
        if !free.contains(phoneExtension) { free.append(phoneExtension) }
    }
}
