/// One agent's figures for a period, as the §5 rankings (指标组合) read them.
public struct AgentKPIRow: Equatable, Sendable {
    public var agentID: String
    /// 工时效率
    public var workTimeEfficiency: Ratio
    /// 空闲率
    public var idleRate: Ratio
    /// 示忙率
    public var notReadyRate: Ratio
    /// 项目呼出均长, seconds
    public var averageHandleTime: Ratio
    /// 每小时呼叫次数
    public var callsPerHour: Ratio
    /// 外呼在线成功量
    public var successCount: Int
    /// 外呼在线成功率
    public var successRate: Ratio

    public init(agentID: String, workTimeEfficiency: Ratio, idleRate: Ratio, notReadyRate: Ratio,
                averageHandleTime: Ratio, callsPerHour: Ratio, successCount: Int, successRate: Ratio) {
        self.agentID = agentID
        self.workTimeEfficiency = workTimeEfficiency
        self.idleRate = idleRate
        self.notReadyRate = notReadyRate
        self.averageHandleTime = averageHandleTime
        self.callsPerHour = callsPerHour
        self.successCount = successCount
        self.successRate = successRate
    }

    /// 成功值 of this agent.
    public var successValue: Double? {
        KPI.successValue(successCount: successCount, successRate: successRate)
    }
}
