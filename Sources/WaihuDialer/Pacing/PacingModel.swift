import Foundation
import WaihuDomain

/// A frozen, tabulated copy of the estimates, rebuilt now and then, so that one pacing decision
/// costs a few table reads per agent and per ringing call instead of integrals.
struct PacingModel: Sendable {
    let answerProbability: Double
    let grace: Double
    /// Answer times of a call placed now, as the quantiles it is judged at.
    let horizons: [Double]
    /// P(a new call answers live within each horizon).
    let newCallLiveByHorizon: [Double]

    private let liveCDF: [Double]
    private let failedCDF: [Double]
    private let talkCDF: [Double]
    private let wrapCDF: [Double]
    private static let liveStep = 0.5, failedStep = 0.5, talkStep = 5.0, wrapStep = 1.0
    /// For each horizon, P(a talking agent of age i seconds is ready within horizon + grace).
    private let talkFreeTables: [[Double]]
    private static let talkTableAges = 1800

    init(estimator: PacingEstimator, grace: Double, quantiles: [Double]) {
        answerProbability = estimator.answerProbability
        self.grace = grace
        liveCDF = estimator.liveDelay.cumulative()
        failedCDF = estimator.failedDial.cumulative()
        let talk = estimator.talk.cumulative(), wrap = estimator.wrapUp.cumulative()
        talkCDF = talk
        wrapCDF = wrap
        let live = liveCDF
        let hs = quantiles.map { Self.quantile(live, step: Self.liveStep, $0) }
        horizons = hs
        newCallLiveByHorizon = hs.map { estimator.answerProbability * Probability.lookup(live, step: Self.liveStep, at: $0) }
        var tables: [[Double]] = []
        for h in hs {
            let t = h + grace
            tables.append((0..<Self.talkTableAges).map { Self.talkThenWrap(talk, wrap, age: Double($0), within: t) })
        }
        talkFreeTables = tables
    }

    /// P(an agent in `agent`'s state becomes ready within horizon `k` plus the grace).
    @inline(__always)
    func readyProbability(_ agent: PacingAgent, horizon k: Int) -> Double {
        let t = horizons[k] + grace
        if agent.state.isAvailableForCalls { return 1 }
        if agent.state == .wrapUp { return Self.conditional(wrapCDF, step: Self.wrapStep, age: agent.secondsInState, within: t) }
        guard agent.state.countsAsTalking else { return 0 }  // not ready: not counted on
        let age = agent.secondsInState
        let i = Int(age)
        if i < Self.talkTableAges - 1 {
            let table = talkFreeTables[k], f = age - Double(i)
            return table[i] + (table[i + 1] - table[i]) * f
        }
        return Self.talkThenWrap(talkCDF, wrapCDF, age: age, within: t)
    }

    /// P(a call ringing for `age` seconds answers live within the next `within` seconds).
    @inline(__always)
    func liveProbability(callAge age: Double, within: Double) -> Double {
        let p = answerProbability
        let l0 = Probability.lookup(liveCDF, step: Self.liveStep, at: age)
        let l1 = Probability.lookup(liveCDF, step: Self.liveStep, at: age + within)
        let n0 = Probability.lookup(failedCDF, step: Self.failedStep, at: age)
        let stillOpen = p * (1 - l0) + (1 - p) * (1 - n0)
        guard stillOpen > 1e-9 else { return 0 }
        return min(1, max(0, p * (l1 - l0) / stillOpen))
    }

    /// P(X ≤ age + t | X > age) from a tabulated CDF.
    static func conditional(_ cdf: [Double], step: Double, age: Double, within t: Double) -> Double {
        let f0 = Probability.lookup(cdf, step: step, at: age)
        let survival = 1 - f0
        // Past everything seen: assume it ends soon rather than never, so an overdue agent still counts a little.
        guard survival > 1e-9 else { return 0.5 }
        return min(1, max(0, (Probability.lookup(cdf, step: step, at: age + t) - f0) / survival))
    }

    /// P(the talk ends and the wrap-up after it also ends within `t`), talk already `age` seconds old.
    static func talkThenWrap(_ talk: [Double], _ wrap: [Double], age: Double, within t: Double) -> Double {
        let f0 = Probability.lookup(talk, step: talkStep, at: age)
        let survival = 1 - f0
        guard survival > 1e-9 else { return Probability.lookup(wrap, step: wrapStep, at: t) * 0.5 }
        var total = 0.0
        var previous = f0
        var r = 0.0
        while r < t {
            let next = min(t, r + 1)
            let f = Probability.lookup(talk, step: talkStep, at: age + next)
            total += (f - previous) * Probability.lookup(wrap, step: wrapStep, at: t - (r + next) / 2)
            previous = f
            r = next
        }
        return min(1, max(0, total / survival))
    }

    static func quantile(_ cdf: [Double], step: Double, _ q: Double) -> Double {
        for i in 1..<cdf.count where cdf[i] >= q {
            let lo = cdf[i - 1], hi = cdf[i]
            let f = hi > lo ? (q - lo) / (hi - lo) : 0
            return (Double(i - 1) + f) * step
        }
        return Double(cdf.count - 1) * step
    }
}
