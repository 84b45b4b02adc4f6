/// The KPIs of docs/kpi.md (指标口径) as pure functions of plain values.
///
/// Each function takes counts and durations that a query gathered elsewhere and returns the
/// figure; none reads a database or a clock. Ratios come back as `Ratio` so that a zero
/// denominator shows as "—". The functions are grouped by the sections of kpi.md in
/// `KPI+People.swift`, `KPI+Project.swift`, `KPI+Quality.swift` and `KPI+Combination.swift`.
public enum KPI {}
