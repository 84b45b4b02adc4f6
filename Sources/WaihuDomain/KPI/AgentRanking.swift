/// The agent rankings of kpi.md §5 (指标组合).
///
/// A combined ranking ranks the agents on each KPI separately and orders them by the sum of
/// their ranks, lowest first. Ranks rather than raw values, because idle rate in percent and
/// handle time in seconds cannot be added; and every KPI of the combination weighs the same,
/// as the documents rank "on the three" without weights. An agent with no value for a KPI
/// ("—") takes the rank after every agent who has one.
public enum AgentRanking {
    /// 工时效率 high + 空闲率 low + 示忙率 low.
    public static func byEfficiency(_ rows: [AgentKPIRow]) -> [RankedAgent] {
        combined(rows, [
            (rows.map(\.workTimeEfficiency.value), true),
            (rows.map(\.idleRate.value), false),
            (rows.map(\.notReadyRate.value), false),
        ])
    }

    /// 项目呼出均长 short + 每小时呼叫次数 many.
    public static func byHandleTimeAndCallsPerHour(_ rows: [AgentKPIRow]) -> [RankedAgent] {
        combined(rows, [
            (rows.map(\.averageHandleTime.value), false),
            (rows.map(\.callsPerHour.value), true),
        ])
    }

    /// 成功值 = 在线成功量 × 在线成功率, highest first; agents without a value last.
    public static func bySuccessValue(_ rows: [AgentKPIRow]) -> [RankedAgent] {
        let values = rows.map(\.successValue)
        let ranks = competitionRanks(values, higherIsBetter: true)
        return zip(rows, zip(values, ranks))
            .map { RankedAgent(rank: $1.1, agentID: $0.agentID, score: $1.0) }
            .sorted { ($0.rank, $0.agentID) < ($1.rank, $1.agentID) }
    }

    private static func combined(_ rows: [AgentKPIRow], _ columns: [([Double?], Bool)]) -> [RankedAgent] {
        var sums = Array(repeating: 0.0, count: rows.count)
        for (values, higherIsBetter) in columns {
            for (index, rank) in competitionRanks(values, higherIsBetter: higherIsBetter).enumerated() {
                sums[index] += Double(rank)
            }
        }
        let overall = competitionRanks(sums.map { Optional($0) }, higherIsBetter: false)
        return rows.indices
            .map { RankedAgent(rank: overall[$0], agentID: rows[$0].agentID, score: sums[$0]) }
            .sorted { ($0.rank, $0.agentID) < ($1.rank, $1.agentID) }
    }

    /// Rank of each value: 1 + the number of values strictly better; nil ranks after all
    /// values present.
    static func competitionRanks(_ values: [Double?], higherIsBetter: Bool) -> [Int] {
        let present = values.compactMap { $0 }
        return values.map { value in
            guard let value else { return present.count + 1 }
            return 1 + present.filter { higherIsBetter ? $0 > value : $0 < value }.count
        }
    }
}
