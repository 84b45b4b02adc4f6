/// What a batch or a source of leads cost and how good it was (批次与来源质量).
/// Rates are fractions of the data rows of the list; nil when there are no rows.
/// Contact rate, success rate and cost per success need calls (`withCalls`): nil until then.
public struct ListQuality: Equatable, Sendable {
    /// Leads the list brought into the system.
    public var leads: Int
    /// Yuan: leads × price per lead.
    public var cost: Double
    public var invalidRate: Double?
    public var duplicateRate: Double?
    public var contactRate: Double?
    public var successRate: Double?
    public var costPerSuccess: Double?

    /// `rows` data rows read, `leads` imported, `invalid` and `duplicate` rejected, each
    /// lead bought at `pricePerLead`.
    public init(rows: Int, leads: Int, invalid: Int, duplicate: Int, pricePerLead: Double) {
        self.leads = leads
        self.cost = Double(leads) * pricePerLead
        invalidRate = rows > 0 ? Double(invalid) / Double(rows) : nil
        duplicateRate = rows > 0 ? Double(duplicate) / Double(rows) : nil
    }

    /// The quality of several batches together (a source): sums, rates over all rows.
    public static func combined(_ parts: [(rows: Int, leads: Int, invalid: Int, duplicate: Int, cost: Double)]) -> ListQuality {
        let rows = parts.reduce(0) { $0 + $1.rows }
        var quality = ListQuality(rows: rows, leads: parts.reduce(0) { $0 + $1.leads },
                                  invalid: parts.reduce(0) { $0 + $1.invalid },
                                  duplicate: parts.reduce(0) { $0 + $1.duplicate }, pricePerLead: 0)
        quality.cost = parts.reduce(0) { $0 + $1.cost }
        return quality
    }

    /// Adds what calling the list showed: `dialled` leads called at least once, `contacted`
    /// of them reached (`ContactRule`; 接触率 = contacted ÷ dialled), `successes` sold (净成功率 =
    /// successes ÷ dialled) and the cost of one success (cost ÷ successes). Nil where there
    /// is nothing to divide by: no calls yet, or no success yet.
    public func withCalls(dialled: Int, contacted: Int, successes: Int) -> ListQuality {
        var quality = self
        quality.contactRate = dialled > 0 ? Double(contacted) / Double(dialled) : nil
        quality.successRate = dialled > 0 ? Double(successes) / Double(dialled) : nil
        quality.costPerSuccess = KPI.costPerSuccess(cost: cost, successes: successes).value
        return quality
    }
}
