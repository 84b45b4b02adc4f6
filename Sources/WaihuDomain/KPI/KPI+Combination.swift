/// kpi.md §5 指标组合.
extension KPI {
    /// 成功值: online success count × online success rate, the rate taken in percent
    /// (20 sales at 5.0% give 100.0). nil when the rate has no value.
    ///
    /// Percent rather than a fraction so that the figure reads as a whole number on a
    /// ranking board; the order of agents is the same either way.
    public static func successValue(successCount: Int, successRate: Ratio) -> Double? {
        successRate.percent.map { Double(successCount) * $0 }
    }
}
