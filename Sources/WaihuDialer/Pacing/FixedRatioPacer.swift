/// 固定比例外呼: keep `ratio` calls in flight per ready agent, whatever the answer rate.
public struct FixedRatioPacer: DialPacer {
    public let ratio: Double

    public init(ratio: Double) throws {
        guard ratio.isFinite, ratio >= 1, ratio <= 10 else { throw PacerConfigurationError.ratioOutOfRange(ratio) }
        self.ratio = ratio
    }

    public mutating func callsToLaunch(_ state: CampaignPacingState, now: Double) -> Int {
        let target = Int((ratio * Double(state.readyAgents)).rounded(.down))
        return max(0, target - state.ringingCallAges.count - state.waitingCustomers)
    }
}
