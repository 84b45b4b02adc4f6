import Foundation

/// An online histogram of durations that forgets old samples geometrically, so a drifting
/// campaign (talk times lengthen in the evening, answer delays change with the list) is followed.
///
/// Each new sample weighs `1 / decay` times the previous one; that is the same as multiplying
/// every stored weight by `decay`, without touching every bin per sample.
public struct DecayingHistogram: Sendable, Equatable {
    public let binWidth: Double
    /// Weights per bin; the last bin also holds everything beyond the range.
    private var weights: [Double]
    private var increment: Double = 1
    public let decay: Double
    /// Total weight in units of the newest sample: the effective sample count.
    public var effectiveCount: Double { weights.reduce(0, +) / increment }

    public init(binWidth: Double, bins: Int, decay: Double) {
        self.binWidth = binWidth
        self.weights = Array(repeating: 0, count: bins)
        self.decay = decay
    }

    public mutating func add(_ value: Double) {
        let index = min(weights.count - 1, max(0, Int(value / binWidth)))
        weights[index] += increment
        increment /= decay
        if increment > 1e100 { rescale() }
    }

    /// Adds `weight` samples spread as the given CDF (a prior belief, fading as real samples arrive).
    public mutating func addPrior(weight: Double, cdf: (Double) -> Double) {
        var previous = 0.0
        for i in 0..<weights.count {
            let upper = i == weights.count - 1 ? 1.0 : cdf(Double(i + 1) * binWidth)
            weights[i] += weight * max(0, upper - previous) * increment
            previous = upper
        }
    }

    /// Adds `weight` samples spread as the given observations (a prior from history).
    public mutating func addPrior(weight: Double, samples: [Double]) {
        guard !samples.isEmpty, weight > 0 else { return }
        let each = weight / Double(samples.count) * increment
        for value in samples { weights[min(weights.count - 1, max(0, Int(value / binWidth)))] += each }
    }

    /// The mean, reading each bin at its middle.
    public var mean: Double {
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        var sum = 0.0
        for i in weights.indices { sum += weights[i] * (Double(i) + 0.5) * binWidth }
        return sum / total
    }

    /// The cumulative distribution at bin edges: `cdf[i]` is P(X ≤ i × binWidth).
    public func cumulative() -> [Double] {
        let total = weights.reduce(0, +)
        var out = [Double](repeating: 0, count: weights.count + 1)
        guard total > 0 else {
            for i in out.indices { out[i] = Double(i) / Double(weights.count) }
            return out
        }
        var running = 0.0
        for i in weights.indices {
            running += weights[i]
            out[i + 1] = min(1, running / total)
        }
        return out
    }

    private mutating func rescale() {
        for i in weights.indices { weights[i] /= increment }
        increment = 1
    }
}
