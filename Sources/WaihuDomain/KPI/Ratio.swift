import Foundation

/// A quotient kept as its two parts, so that a zero denominator is shown as "—" instead of
/// NaN, infinity or a crash, and so that team figures can be summed part by part.
///
/// `value` is nil whenever there is nothing to divide by: a new agent with no logged-in time
/// has no work-time efficiency (工时效率), which is not the same as 0%.
public struct Ratio: Equatable, Sendable, Codable {
    /// What every screen and report shows when a ratio has no value.
    public static let noValueText = "—"

    public let numerator: Double
    public let denominator: Double

    public init(_ numerator: Double, over denominator: Double) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public init(_ numerator: Int, over denominator: Int) {
        self.init(Double(numerator), over: Double(denominator))
    }

    /// numerator / denominator, or nil when the denominator is 0 or either part is not finite.
    public var value: Double? {
        guard denominator != 0, numerator.isFinite, denominator.isFinite else { return nil }
        return numerator / denominator
    }

    /// The value × 100, or nil.
    public var percent: Double? { value.map { $0 * 100 } }

    /// "12.3%" (one decimal) or "—".
    public var percentText: String {
        percent.map { KPIValue.fixed($0, decimals: 1) + "%" } ?? Ratio.noValueText
    }

    /// The plain value with `decimals` decimals, or "—".
    public func text(decimals: Int = 1) -> String {
        value.map { KPIValue.fixed($0, decimals: decimals) } ?? Ratio.noValueText
    }

    /// Adds part by part: the team's rate is total over total, not the mean of agents' rates.
    public static func + (lhs: Ratio, rhs: Ratio) -> Ratio {
        Ratio(lhs.numerator + rhs.numerator, over: lhs.denominator + rhs.denominator)
    }
}
