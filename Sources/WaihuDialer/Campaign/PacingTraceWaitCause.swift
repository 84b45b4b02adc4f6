import Foundation

/// Why an agent waited long between calls, read from the pacing trace over the wait. The
/// causes are tried in this order and the first that held is named; a wait none of them
/// explains is the pacer's own: it dialled, but no customer answered live in time.
public enum PacingTraceWaitCause: String, CaseIterable, Sendable {
    /// At some second of the wait the pacer wanted calls and the lead queue had none to give.
    case leadShortage = "lead_shortage"
    /// At some second of the wait a launched call had waited a second or more for the trunk's
    /// (or the campaign's) `max_concurrent` or `max_cps`.
    case trunkLimit = "trunk_limit"
    /// At some second of the wait the pacer held back on purpose: still progressive while it
    /// learns (threshold 0), or the day's abandon budget short (budget factor < 1).
    case pacerRamp = "pacer_ramp"
    /// The call that ended the wait reached the agent's phone more than a second after the
    /// customer answered, and without that delay the wait would not have been long.
    case answerToBridge = "answer_to_bridge"
    /// None of the above: the pacer dialled, but no customer answered live in time.
    case noLiveAnswer = "no_live_answer"

    /// What the benchmark prints.
    public var label: String {
        switch self {
        case .leadShortage: return "lead shortage"
        case .trunkLimit: return "trunk limit"
        case .pacerRamp: return "pacer ramp"
        case .answerToBridge: return "answer-to-bridge latency"
        case .noLiveAnswer: return "pacer: no live answer in time"
        }
    }

    /// A launched call waiting this long to be sent is held by the trunk, not by the rate's spacing of a burst.
    public static let trunkWaitThreshold = 1.0
    /// The time from a customer's answer to the agent's phone ringing that counts as no delay.
    public static let answerToRingAllowance = 1.0

    /// The cause of the wait of the agent at `agentPhone` from `start` to `end` (unix seconds),
    /// from the samples taken during it and the connection that ended it. `longWait`: the wait
    /// length from which a wait counts as long (20 s in issue 18).
    public static func of(waitFrom start: Double, to end: Double, agentPhone: String, samples: [PacingTraceSample],
                          connections: [PacingTraceConnection], longWait: Double = 20) -> PacingTraceWaitCause {
        let during = samples.filter { $0.time >= start && $0.time <= end }
        if during.contains(where: \.leadShortage) { return .leadShortage }
        if during.contains(where: { $0.trunkWaitSeconds >= trunkWaitThreshold }) { return .trunkLimit }
        if during.contains(where: \.pacerRamping) { return .pacerRamp }
        if let ending = connectionEnding(waitAt: end, agentPhone: agentPhone, connections),
           let delay = ending.answerToRing, delay > answerToRingAllowance,
           end - start - (delay - answerToRingAllowance) <= longWait {
            return .answerToBridge
        }
        return .noLiveAnswer
    }

    /// The agent's connection taken closest to the wait's end: the agent left "ready" when it
    /// was taken, seen by whoever watched a little later (a desk polled every half second).
    static func connectionEnding(waitAt end: Double, agentPhone: String,
                                 _ connections: [PacingTraceConnection]) -> PacingTraceConnection? {
        connections
            .filter { $0.agentPhone == agentPhone }
            .compactMap { connection -> (PacingTraceConnection, Double)? in
                guard let taken = connection.agentAssignedAt ?? connection.agentRungAt,
                      taken >= end - 3, taken <= end + 1 else { return nil }
                return (connection, abs(end - taken))
            }
            .min { $0.1 < $1.1 }?.0
    }
}
