/// Decides how many new calls a campaign should place now (拨号节奏).
///
/// The live campaign runner and the pacing simulator drive pacers through exactly this interface:
/// at each event, and on a short tick, ask `callsToLaunch`; report what happened with `observe`.
public protocol DialPacer: Sendable {
    /// New calls to place now, given the campaign's live state. `now` is a monotonic time in seconds.
    mutating func callsToLaunch(_ state: CampaignPacingState, now: Double) -> Int
    /// Feeds an outcome back; learning pacers update their estimates, simple ones ignore it.
    mutating func observe(_ observation: PacingObservation, day: Int)
    /// What the pacer is doing now (day: the campaign's abandon-cap day), for the pacing trace.
    func status(day: Int) -> PacerStatus
}

extension DialPacer {
    public mutating func observe(_ observation: PacingObservation, day: Int) {}
    public func status(day: Int) -> PacerStatus { PacerStatus() }
}
