/// 渐进式外呼: one call in flight per ready agent, so a live answer always finds an agent.
public struct ProgressivePacer: DialPacer {
    public init() {}

    public mutating func callsToLaunch(_ state: CampaignPacingState, now: Double) -> Int {
        Self.uncoveredReadyAgents(state)
    }

    /// Ready agents not yet matched by a ringing call or a waiting customer.
    public static func uncoveredReadyAgents(_ state: CampaignPacingState) -> Int {
        max(0, state.readyAgents - state.ringingCallAges.count - state.waitingCustomers)
    }
}
