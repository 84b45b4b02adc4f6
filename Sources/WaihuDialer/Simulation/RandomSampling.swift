import Foundation

/// The distributions the pacing model is specified in, sampled from a `SeededGenerator`.
extension SeededGenerator {
    /// Standard normal by Box–Muller (one of the pair is dropped; simplicity over speed).
    public mutating func nextNormal() -> Double {
        var u = nextUnit()
        while u <= 0 { u = nextUnit() }
        let v = nextUnit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// Lognormal with the given mean and standard deviation of the variable itself.
    public mutating func nextLognormal(mean: Double, sd: Double) -> Double {
        guard sd > 0 else { return mean }
        let s2 = log(1 + (sd * sd) / (mean * mean))
        return exp(log(mean) - s2 / 2 + s2.squareRoot() * nextNormal())
    }

    /// Gamma with the given mean and standard deviation (Marsaglia–Tsang).
    public mutating func nextGamma(mean: Double, sd: Double) -> Double {
        guard sd > 0 else { return mean }
        let shape = (mean / sd) * (mean / sd), scale = sd * sd / mean
        return nextStandardGamma(shape: shape) * scale
    }

    private mutating func nextStandardGamma(shape: Double) -> Double {
        if shape < 1 {
            // Boost: Gamma(k) = Gamma(k + 1) · U^(1/k).
            var u = nextUnit()
            while u <= 0 { u = nextUnit() }
            return nextStandardGamma(shape: shape + 1) * pow(u, 1 / shape)
        }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            let x = nextNormal()
            let v0 = 1 + c * x
            if v0 <= 0 { continue }
            let v = v0 * v0 * v0
            let u = nextUnit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if u > 0, log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// Exponential with the given mean.
    public mutating func nextExponential(mean: Double) -> Double {
        var u = nextUnit()
        while u <= 0 { u = nextUnit() }
        return -mean * log(u)
    }
}
