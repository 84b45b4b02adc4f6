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
    /// Where the cap controller's risk threshold starts (nil: `startingThreshold`), and how fast it
    /// moves (see `AbandonCapController`).
    public var initialThreshold: Double?
    public var controllerGain: Double
    /// The campaign's own abandons and live answers of earlier runs (today's and the last 30
    /// days'), so a restart neither forgets nor double-spends the day's allowance.
    public var ledger: AbandonLedger
    /// With priors from history: seconds of expected live answers granted to the budget guard
    /// at the start of each day (`AbandonCapController.openingAnswers`).
    public var openingWindow: Double

    /// Cold: the cap rate, near where the threshold settles for 10–50 agents; the budget guard
    /// keeps the first ~20 answers progressive anyway. Warm: a sixth of it, because a warm pacer
    /// dials ahead from its first decision, when all the floor's calls are placed at once and share
    /// one risk (a burst of answers finds every agent taken); clean answers raise it within
    /// minutes (docs/pacing.md, "Warm start").
    public var startingThreshold: Double {
        initialThreshold ?? (priors.fromHistory ? cap.rate / 6 : cap.rate)
    }

    public init(cap: AbandonCap = .standard, targetFraction: Double = 0.85, machineFalsePositiveRate: Double = 0,
                priors: PacingPriors = PacingPriors(), maxCallsPerAgent: Double = 8,
                initialThreshold: Double? = nil, controllerGain: Double = 0.15, ledger: AbandonLedger = AbandonLedger(),
                openingWindow: Double = 300) {
        self.cap = cap
        self.targetFraction = targetFraction
        self.machineFalsePositiveRate = machineFalsePositiveRate
        self.priors = priors
        self.maxCallsPerAgent = maxCallsPerAgent
        self.initialThreshold = initialThreshold
        self.controllerGain = controllerGain
        self.ledger = ledger
        self.openingWindow = openingWindow
    }
}
