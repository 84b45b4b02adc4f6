/// 预览外呼: the agent reads the lead and clicks to dial; the pacer only forwards those clicks.
public struct PreviewPacer: DialPacer {
    public init() {}

    public mutating func callsToLaunch(_ state: CampaignPacingState, now: Double) -> Int {
        max(0, state.previewRequests)
    }
}
