import Foundation

/// Small closed-form distribution helpers used by the estimators' priors and the predictive pacer.
enum Probability {
    /// Standard normal CDF Φ(x).
    static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.squareRoot())
    }

    /// CDF of the lognormal with the given mean and standard deviation (not log-space parameters).
    static func lognormalCDF(mean: Double, sd: Double) -> (Double) -> Double {
        let s2 = log(1 + (sd * sd) / (mean * mean))
        let mu = log(mean) - s2 / 2, s = s2.squareRoot()
        return { x in x <= 0 ? 0 : normalCDF((log(x) - mu) / s) }
    }

    /// Reads a CDF tabulated at multiples of `step` at `x`, linearly between points; 1 beyond the table.
    @inline(__always)
    static func lookup(_ table: [Double], step: Double, at x: Double) -> Double {
        if x <= 0 { return table[0] }
        let position = x / step
        let i = Int(position)
        if i >= table.count - 1 { return table[table.count - 1] }
        let f = position - Double(i)
        return table[i] + (table[i + 1] - table[i]) * f
    }
}
