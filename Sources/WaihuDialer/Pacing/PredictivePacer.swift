import Foundation
import WaihuDomain

/// 预测式外呼: places calls ahead of agents becoming free, as far as the abandon cap allows.
///
/// A call placed now answers live, if at all, some seconds later (the connect delay). It is
/// abandoned if, by then plus the connect grace, fewer agents have become ready than customers
/// answered ahead of it. Both sides are sums of independent chances read from the live state:
/// each agent's chance to be ready in time given how long it has been talking or wrapping up, and
/// each ringing call's chance to answer live in time given how long it has rung. Their difference
/// is taken as normal (an Erlang-style heavy-traffic view), judged at three quantiles of the
/// connect delay, and calls are added one by one while the newest call's abandon chance stays
/// under the cap controller's threshold. It never places fewer calls than progressive dialling.
public struct PredictivePacer: DialPacer {
    public let configuration: PredictivePacerConfiguration
    public private(set) var estimator: PacingEstimator
    public private(set) var controller: AbandonCapController
    private var model: PacingModel
    private var modelQuantiles = PredictivePacer.quantiles
    private var observationsAtBuild = 0
    private var builtAt = -Double.infinity

    public init(configuration: PredictivePacerConfiguration = PredictivePacerConfiguration()) {
        self.configuration = configuration
        estimator = PacingEstimator(priors: configuration.priors)
        controller = AbandonCapController(cap: configuration.cap, targetFraction: configuration.targetFraction,
                                          initialThreshold: configuration.startingThreshold, gain: configuration.controllerGain,
                                          ledger: configuration.ledger)
        model = PacingModel(estimator: estimator, grace: configuration.cap.connectGrace, quantiles: Self.quantiles)
    }

    static let quantiles = [1.0 / 6, 0.5, 5.0 / 6]
    /// While the opening allowance carries the day (a warm start dialling ahead from an idle floor,
    /// its calls placed together), the risk is judged at six quantiles (the middles of six equal
    /// slices): three miss the slow tail of answers, where such a burst finds every agent taken.
    /// Once the day's own answers rule, three are enough (docs/pacing.md, "Warm start").
    static let openingQuantiles = (0..<6).map { (Double($0) + 0.5) / 6 }

    public mutating func observe(_ observation: PacingObservation, day: Int) {
        estimator.observe(observation)
        switch observation {
        case let .liveAnswer(_, abandoned):
            controller.recordLiveAnswer(day: day, abandoned: abandoned)
        case .dialFailed(.machine, _):
            controller.recordMachineDetection(day: day, falsePositiveProbability: configuration.machineFalsePositiveRate)
        default:
            break
        }
    }

    public func status(day: Int) -> PacerStatus {
        PacerStatus(threshold: controller.effectiveThreshold(day: day), budgetFactor: controller.budgetFactor(day: day),
                    answerProbability: estimator.answerProbability, observations: estimator.observations,
                    warmStart: configuration.priors.fromHistory)
    }

    public mutating func callsToLaunch(_ state: CampaignPacingState, now: Double) -> Int {
        refreshModelIfStale(now: now)
        let floor = ProgressivePacer.uncoveredReadyAgents(state)
        let working = state.agents.reduce(0) { $0 + ($1.state == .notReady ? 0 : 1) }
        if configuration.priors.fromHistory { controller.openingAnswers = openingAnswers(workingAgents: working) }
        let quantiles = controller.isOpening(day: state.day) ? Self.openingQuantiles : Self.quantiles
        if quantiles != modelQuantiles {
            modelQuantiles = quantiles
            rebuildModel(now: now)
        }
        let threshold = controller.effectiveThreshold(day: state.day)
        let ceiling = Int(configuration.maxCallsPerAgent * Double(working)) - state.ringingCallAges.count
        guard threshold > 0, ceiling > floor else { return max(0, min(floor, max(ceiling, floor))) }

        // Supply minus demand at each horizon, before any new call.
        let horizonCount = model.horizons.count
        var mean = [Double](repeating: 0, count: horizonCount)
        var variance = [Double](repeating: 0, count: horizonCount)
        for k in 0..<horizonCount {
            var m = -Double(state.waitingCustomers), v = 0.0
            for agent in state.agents {
                let f = model.readyProbability(agent, horizon: k)
                m += f
                v += f * (1 - f)
            }
            let h = model.horizons[k]
            for age in state.ringingCallAges {
                let q = model.liveProbability(callAge: age, within: h)
                m -= q
                v += q * (1 - q)
            }
            mean[k] = m
            variance[k] = v
        }

        // Add calls while the newest one's abandon chance (given it answers) stays under the threshold.
        var launched = 0
        while launched < ceiling {
            var risk = 0.0
            for k in 0..<horizonCount {
                let q = model.newCallLiveByHorizon[k]
                let m = mean[k] - Double(launched) * q
                let v = variance[k] + Double(launched) * q * (1 - q)
                // The new call is abandoned when fewer than one agent is left for it: supply − demand < 1.
                risk += Probability.normalCDF((0.5 - m) / (v + 0.09).squareRoot())
            }
            risk /= Double(horizonCount)
            if risk > threshold { break }
            launched += 1
        }
        return max(launched, floor)
    }

    /// Live answers `workingAgents` take in the opening window: one per talk, wrap-up and a wait
    /// of at least 10 s (the seed's aim between calls; more when answers take longer to come).
    func openingAnswers(workingAgents: Int) -> Double {
        let cycle = estimator.talk.mean + estimator.wrapUp.mean + max(10, estimator.liveDelay.mean)
        return cycle > 0 ? Double(workingAgents) * configuration.openingWindow / cycle : 0
    }

    /// Rebuilds the tabulated model from the estimator: often while it is still learning,
    /// then about once a minute, which is enough to follow drift at a fraction of the cost.
    private mutating func refreshModelIfStale(now: Double) {
        let fresh = estimator.observations - observationsAtBuild
        let learning = estimator.observations < 400
        guard (learning && fresh >= 15) || (fresh >= 30 && now - builtAt >= 60) else { return }
        rebuildModel(now: now)
    }

    private mutating func rebuildModel(now: Double) {
        model = PacingModel(estimator: estimator, grace: configuration.cap.connectGrace, quantiles: modelQuantiles)
        observationsAtBuild = estimator.observations
        builtAt = now
    }
}
