/// How a KPI's number is read and shown.
public enum KPIUnit: String, StoredEnum {
    /// Shown "12.3%"; `KPIValue.value` holds the percent (12.3), not the fraction.
    case percent
    /// A whole count, shown "42".
    case count
    /// A duration in seconds, shown "1:02:03".
    case seconds
    /// Hours, shown "7.5".
    case hours
    /// Per hour, per agent, per agent-day and other averages, shown with one decimal.
    case average
    /// Money in yuan (元), shown "1234.50".
    case yuan
    /// A plain number with one decimal (success value 成功值, QA score).
    case number

    public init(from decoder: Decoder) throws { self = try Self.decodeStored(from: decoder) }
}
