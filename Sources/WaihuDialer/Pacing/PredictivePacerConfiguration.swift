import WaihuDomain

/// Settings of the predictive pacer for one campaign.
public struct PredictivePacerConfiguration: Sendable, Equatable {
    public var cap: AbandonCap
    /// Fraction of the cap the controller aims at; the rest absorbs one shift's randomness.
    public var targetFraction: Double
    /// With answering-machine detection on: P(a call hung up as a machine was a person).
    public var machineFalsePositiveRate: Double
    public var priors: PacingPriors
    /// Never more than this many calls in flight per logged-in agent, whatever the estimates say.
    public var maxCallsPerAgent: Double
    /// Where the cap controller's risk threshold starts (nil: at the cap rate, which is near where it
    /// settles for 10–50 agents), and how fast it moves (see `AbandonCapController`).
    public var initialThreshold: Double?
    public var controllerGain: Double

    public init(cap: AbandonCap = .standard, targetFraction: Double = 0.85, machineFalsePositiveRate: Double = 0,
                priors: PacingPriors = PacingPriors(), maxCallsPerAgent: Double = 8,
                initialThreshold: Double? = nil, controllerGain: Double = 0.15) {
        self.cap = cap
        self.targetFraction = targetFraction
        self.machineFalsePositiveRate = machineFalsePositiveRate
        self.priors = priors
        self.maxCallsPerAgent = maxCallsPerAgent
        self.initialThreshold = initialThreshold
        self.controllerGain = controllerGain
    }
}
