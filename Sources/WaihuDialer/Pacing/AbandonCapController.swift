import Foundation
import WaihuDomain

/// Keeps a campaign's realised abandon rate (呼损率) at or below the cap.
///
/// The predictive pacer launches a call only while that call's estimated chance of being abandoned,
/// if answered, is at most `threshold`. The threshold is not the cap: most calls carry far less risk
/// than the marginal one, so the right threshold depends on the traffic. The controller learns it by
/// stochastic approximation: each live answer nudges it up, each abandon pulls it down, and the two
/// balance when abandons run at `target` of live answers. A budget guard then watches the day's
/// actual ledger and falls back toward progressive dialling when the day's allowance is used up.
public struct AbandonCapController: Sendable, Equatable {
    public let cap: AbandonCap
    /// The abandon rate aimed at, below the cap so that one shift's noise rarely crosses it.
    public let target: Double
    public private(set) var threshold: Double
    public private(set) var ledger: AbandonLedger
    /// Live answers the floor is expected to take in its opening window, known from history
    /// (0: no history, no allowance). Until the period's own answers reach this many, the budget
    /// guard counts this many instead: a warm campaign paces from its first call rather than
    /// dialling progressively until its own answers cover one abandon (docs/pacing.md).
    public var openingAnswers: Double = 0
    /// Step size of the threshold's multiplicative update.
    public let gain: Double
    static let thresholdRange = 0.0001...0.9

    public init(cap: AbandonCap = .standard, targetFraction: Double = 0.85, initialThreshold: Double = 0.03, gain: Double = 0.15,
                ledger: AbandonLedger = AbandonLedger()) {
        self.cap = cap
        self.ledger = ledger
        self.target = cap.rate * targetFraction
        self.threshold = initialThreshold
        self.gain = gain
    }

    public mutating func recordLiveAnswer(day: Int, abandoned: Bool) {
        ledger.recordLiveAnswer(day: day, abandoned: abandoned)
        nudge(abandonWeight: abandoned ? 1 : 0, answers: 1)
    }

    /// A detector hang-up; its estimated false-positive probability counts as part of an abandon.
    public mutating func recordMachineDetection(day: Int, falsePositiveProbability: Double) {
        guard falsePositiveProbability > 0 else { return }
        ledger.recordMachineDetection(day: day, falsePositiveProbability: falsePositiveProbability)
        nudge(abandonWeight: falsePositiveProbability, answers: 0)
    }

    private mutating func nudge(abandonWeight: Double, answers: Double) {
        let next = threshold * exp(gain * (target * answers - abandonWeight))
        threshold = min(Self.thresholdRange.upperBound, max(Self.thresholdRange.lowerBound, next))
    }

    /// The threshold to use now: the learned one, scaled down as the day's allowance runs out
    /// (0 means progressive: only calls that cannot be abandoned).
    public func effectiveThreshold(day: Int) -> Double {
        threshold * budgetFactor(day: day)
    }

    /// Whether the opening allowance still carries `day`: its own live answers are fewer than expected.
    public func isOpening(day: Int) -> Bool {
        openingAnswers > Double(ledger.day(day).liveAnswers)
    }

    /// How much of the threshold the day's and the 30 days' allowance let through, 0…1.
    public func budgetFactor(day: Int) -> Double {
        guard cap.rate > 0 else { return 0 }
        let today = ledger.day(day), month = ledger.window(endingOn: day)
        let slack = min(remaining(today), remaining(month) + 1)
        // Room for 3 more abandons: pace freely. Less: taper. Under half an abandon: progressive,
        // which leaves the calls already ringing a little room before the day's figure crosses the cap.
        return min(1, max(0, (slack - 0.5) / 2.5))
    }

    /// Abandons still allowed in a period, its live answers counted as at least `openingAnswers`.
    private func remaining(_ period: AbandonLedger.Day) -> Double {
        cap.remainingAbandons(abandons: period.abandons, liveAnswers: max(Double(period.liveAnswers), openingAnswers))
    }
}
