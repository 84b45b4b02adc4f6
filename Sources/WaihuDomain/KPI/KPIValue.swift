import Foundation

/// A KPI figure ready to show: a number (or none) and its unit.
public struct KPIValue: Equatable, Sendable {
    /// nil when the KPI has no value for the period (zero denominator); shown "—".
    public let value: Double?
    public let unit: KPIUnit

    public init(_ value: Double?, unit: KPIUnit) {
        self.value = value.flatMap { $0.isFinite ? $0 : nil }
        self.unit = unit
    }

    /// A percent KPI from its ratio.
    public init(percent ratio: Ratio) {
        self.init(ratio.percent, unit: .percent)
    }

    /// The figure as every report shows it.
    public var text: String {
        guard let value else { return Ratio.noValueText }
        switch unit {
        case .percent: return KPIValue.fixed(value, decimals: 1) + "%"
        case .count: return KPIValue.fixed(value, decimals: value == value.rounded() ? 0 : 1)
        case .seconds: return KPIValue.duration(value)
        case .yuan: return KPIValue.fixed(value, decimals: 2)
        case .hours, .average, .number: return KPIValue.fixed(value, decimals: 1)
        }
    }

    /// "h:mm:ss", rounded to the second. Hours are not wrapped at 24, a month's talk time
    /// reads "163:20:00".
    public static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let sign = total < 0 ? "-" : ""
        let magnitude = abs(total)
        return sign + String(format: "%d:%02d:%02d", magnitude / 3600, magnitude / 60 % 60, magnitude % 60)
    }

    /// Fixed decimals, never "-0.0".
    static func fixed(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), Double(text) == 0 { return String(text.dropFirst()) }
        return text
    }
}
