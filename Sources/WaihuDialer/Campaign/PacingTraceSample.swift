import Foundation

/// One second of an agent campaign's pacing as its runner saw it: where the agents were, what
/// the calls were doing, what the pacer asked for and got, and what held calls back. Read by
/// GET /api/v1/campaigns/:id/pacing and by `waihu bench campaign` to explain long waits.
public struct PacingTraceSample: Sendable, Equatable, Codable {
    /// Unix time, in seconds.
    public var time: Double
    /// Agents ready (就绪) and not yet given a customer.
    public var agentsReady: Int
    /// Agents taken for a customer whose phone has not yet been answered (reserved or ringing).
    public var agentsReserved: Int
    public var agentsTalking: Int
    public var agentsWrapUp: Int
    /// Agents logged in but not taking calls (示忙, an internal call, asking for help).
    public var agentsNotReady: Int
    /// Calls on the wire that have neither answered nor failed.
    public var callsRinging: Int
    /// Customers answered and judged a person, waiting for an agent within the connect grace.
    public var customersWaiting: Int
    /// The pacer's `callsToLaunch` answer at this moment.
    public var wanted: Int
    /// Calls launched since the previous sample.
    public var launched: Int
    /// Since the previous sample the lead queue had nothing to dial (not now, or finished)
    /// while the pacer wanted calls.
    public var leadShortage: Bool
    /// Calls launched but not yet sent: waiting in the engine's `TrunkAdmission` for the trunk's
    /// (or the campaign's) `max_concurrent` or `max_cps`.
    public var callsWaitingForTrunk: Int
    /// How long the oldest of those has waited, in seconds (0 when none waits). A burst of
    /// launches waits a fraction of a second for the rate limit alone; seconds mean the trunk is full.
    public var trunkWaitSeconds: Double
    /// What the pacer is doing (its threshold, budget factor, estimates).
    public var status: PacerStatus
    /// Customers answered live (judged a person) in this run so far.
    public var liveAnswers: Int
    /// Of them, abandoned: nobody took them within the grace, or the agent's phone did not answer.
    public var abandoned: Int

    public init(time: Double, agentsReady: Int = 0, agentsReserved: Int = 0, agentsTalking: Int = 0, agentsWrapUp: Int = 0,
                agentsNotReady: Int = 0, callsRinging: Int = 0, customersWaiting: Int = 0, wanted: Int = 0, launched: Int = 0,
                leadShortage: Bool = false, callsWaitingForTrunk: Int = 0, trunkWaitSeconds: Double = 0,
                status: PacerStatus = PacerStatus(), liveAnswers: Int = 0, abandoned: Int = 0) {
        self.time = time
        self.agentsReady = agentsReady
        self.agentsReserved = agentsReserved
        self.agentsTalking = agentsTalking
        self.agentsWrapUp = agentsWrapUp
        self.agentsNotReady = agentsNotReady
        self.callsRinging = callsRinging
        self.customersWaiting = customersWaiting
        self.wanted = wanted
        self.launched = launched
        self.leadShortage = leadShortage
        self.callsWaitingForTrunk = callsWaitingForTrunk
        self.trunkWaitSeconds = trunkWaitSeconds
        self.status = status
        self.liveAnswers = liveAnswers
        self.abandoned = abandoned
    }

    /// The pacer was holding back on purpose: still progressive while it learns (threshold 0),
    /// or the day's abandon budget let only part of its threshold through (budget factor < 1).
    public var pacerRamping: Bool {
        if let threshold = status.threshold, threshold <= 0 { return true }
        if let factor = status.budgetFactor, factor < 1 { return true }
        return false
    }

    private enum CodingKeys: String, CodingKey {
        case time, agentsReady = "agents_ready", agentsReserved = "agents_reserved", agentsTalking = "agents_talking"
        case agentsWrapUp = "agents_wrap_up", agentsNotReady = "agents_not_ready", callsRinging = "calls_ringing"
        case customersWaiting = "customers_waiting", wanted, launched, leadShortage = "lead_shortage"
        case callsWaitingForTrunk = "calls_waiting_for_trunk", trunkWaitSeconds = "trunk_wait_s", status
        case liveAnswers = "live_answers", abandoned
    }
}
