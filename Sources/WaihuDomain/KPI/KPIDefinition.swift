/// One KPI as reports and docs/kpi.md describe it.
public struct KPIDefinition: Equatable, Sendable, Identifiable {
    /// snake_case, stable: used in report columns, APIs and targets.
    public var id: String
    /// The name the seed documents use (指标名称).
    public var chineseName: String
    public var englishName: String
    /// The formula as text, e.g. "talk time / logged-in time × 100%".
    public var formula: String
    public var unit: KPIUnit
    /// The section of kpi.md: 1 scale, 2 people, 3 projects and lists, 4 quality, 5 combinations.
    public var section: Int
    /// The event kinds the KPI is computed from; empty for what the lead tables and their
    /// configuration hold (list data total, valid number rate, cost per lead).
    public var reads: [CallCenterEvent.Kind]
    /// A choice made where the documents leave the formula open, or nil.
    public var choice: String?

    public init(id: String, chineseName: String, englishName: String, formula: String, unit: KPIUnit,
                section: Int, reads: [CallCenterEvent.Kind], choice: String? = nil) {
        self.id = id
        self.chineseName = chineseName
        self.englishName = englishName
        self.formula = formula
        self.unit = unit
        self.section = section
        self.reads = reads
        self.choice = choice
    }
}
