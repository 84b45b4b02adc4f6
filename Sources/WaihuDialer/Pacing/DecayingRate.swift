/// An online estimate of a probability (e.g. live answers per dial) with a prior and forgetting:
/// the prior carries the first minutes of a shift, recent dials dominate after that.
public struct DecayingRate: Sendable, Equatable {
    private var hits: Double
    private var total: Double
    public let decay: Double

    public init(prior: Double, priorWeight: Double, decay: Double) {
        self.hits = prior * priorWeight
        self.total = priorWeight
        self.decay = decay
    }

    public mutating func add(_ hit: Bool) {
        hits = hits * decay + (hit ? 1 : 0)
        total = total * decay + 1
    }

    public var value: Double { total > 0 ? hits / total : 0 }
    public var effectiveCount: Double { total }
}
