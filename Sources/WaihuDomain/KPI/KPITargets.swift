import Foundation

/// Targets for a new project (目标值), from the seed documents (kpi.md §6). Editable per
/// project; these are only the defaults.
public struct KPITargets: Equatable, Sendable, Codable {
    /// 日均通话时长 per agent, at least (seconds): 3 h.
    public var minimumDailyTalkSeconds: TimeInterval = 3 * 3600
    /// 日均首拨电话数 per agent on mobile lists (手机名单).
    public var firstDialsPerDayMobile = 60
    /// 日均首拨电话数 per agent on landline lists (固话名单).
    public var firstDialsPerDayLandline = 100
    /// 接触成功率, at least (percent).
    public var minimumContactSuccessPercent = 5.0
    /// 出勤率, at least (percent).
    public var minimumAttendancePercent = 99.0
    /// 质检合格率 for agents, at least (percent).
    public var minimumQAPassPercentAgents = 95.0
    /// 质检合格率 for team leads, at least (percent).
    public var minimumQAPassPercentTeamLeads = 97.0
    /// 违规违纪: at most.
    public var maximumViolations = 0
    /// Gap between calls for an agent in automatic dialling, at most (seconds).
    public var maximumGapBetweenCallsSeconds: TimeInterval = 10
    /// Calls per agent per day in automatic dialling, about.
    public var callsPerAgentPerDayAutoDialling = 400
    /// Talk per agent per day in automatic dialling, at least (seconds): 6.48 h.
    public var minimumDailyTalkSecondsAutoDialling: TimeInterval = 23_328 // 6.48 h = 6 h 28 min 48 s

    /// The defaults of kpi.md §6.
    public static let defaults = KPITargets()

    public init() {}

    /// Whether a percent figure meets a "at least" target; nil when the figure has no value,
    /// so a screen shows "—" rather than a red mark for an agent with no calls yet.
    public static func meets(_ ratio: Ratio, minimumPercent: Double) -> Bool? {
        ratio.percent.map { $0 >= minimumPercent }
    }
}
