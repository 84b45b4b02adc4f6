import Foundation

/// kpi.md §1 运营规模 and §2 员工管理.
extension KPI {
    /// 客户代表数: agents employed on `day`, by skill (双技能 / 单呼出 / 单呼入).
    public static func agentsBySkill(_ employment: [EmploymentRecord], on day: CalendarDay) -> [AgentSkill: Int] {
        var counts: [AgentSkill: Int] = [:]
        for record in employment where record.isEmployed(atStartOf: day) {
            counts[record.skill, default: 0] += 1
        }
        return counts
    }

    /// 流失率: leavers / ((agents at start + agents at end) / 2).
    public static func attritionRate(leavers: Int, agentsAtStart: Int, agentsAtEnd: Int) -> Ratio {
        Ratio(Double(leavers), over: Double(agentsAtStart + agentsAtEnd) / 2)
    }

    /// 流失率 from employment records, for the days `first` through `last` inclusive:
    /// leavers are those whose last day falls in the period; agents at start are those
    /// employed when `first` begins, at end those still employed when `last` is over.
    public static func attritionRate(_ employment: [EmploymentRecord], from first: CalendarDay,
                                     through last: CalendarDay) -> Ratio {
        let leavers = employment.filter { record in
            record.leftOn.map { first <= $0 && $0 <= last } ?? false
        }.count
        let atStart = employment.filter { $0.isEmployed(atStartOf: first) }.count
        let atEnd = employment.filter { $0.isEmployed(atEndOf: last) }.count
        return attritionRate(leavers: leavers, agentsAtStart: atStart, agentsAtEnd: atEnd)
    }

    /// 出勤率: agents present / agents scheduled.
    public static func attendanceRate(present: Int, scheduled: Int) -> Ratio {
        Ratio(present, over: scheduled)
    }

    /// 出勤率 from the roster: rostered agent-days not on leave, and of those the ones in
    /// `present` (usually: the agent logged in that day). Leave days are neither.
    public static func attendanceRate(roster: [RosterEntry], present: Set<AgentDay>) -> Ratio {
        let scheduled = Set(roster.filter { $0.leave == nil }.map { AgentDay(agentID: $0.agentID, day: $0.day) })
        return attendanceRate(present: scheduled.intersection(present).count, scheduled: scheduled.count)
    }

    /// 排班工时 (hours): daily scheduled hours × days present, leave excluded.
    public static func scheduledHours(dailyHours: Double, daysPresent: Int) -> Double {
        dailyHours * Double(daysPresent)
    }

    /// 排班工时 (seconds) from the roster: the length of every shift not on leave.
    public static func scheduledSeconds(roster: [RosterEntry]) -> TimeInterval {
        roster.reduce(0) { $0 + $1.scheduledSeconds }
    }

    /// 工时吻合率: logged-in time / scheduled time.
    public static func scheduleAdherence(loggedIn: TimeInterval, scheduled: TimeInterval) -> Ratio {
        Ratio(loggedIn, over: scheduled)
    }

    /// 工时效率: talk time / logged-in time.
    public static func workTimeEfficiency(talk: TimeInterval, loggedIn: TimeInterval) -> Ratio {
        Ratio(talk, over: loggedIn)
    }

    /// 示忙率: not-ready time / logged-in time.
    public static func notReadyRate(notReady: TimeInterval, loggedIn: TimeInterval) -> Ratio {
        Ratio(notReady, over: loggedIn)
    }

    /// 空闲率: idle time / logged-in time.
    public static func idleRate(idle: TimeInterval, loggedIn: TimeInterval) -> Ratio {
        Ratio(idle, over: loggedIn)
    }

    /// 签入签出次数: logins in the period (each login opens a session; logouts are not
    /// counted again).
    public static func loginCount(_ events: [AgentSessionEvent], in period: DateInterval) -> Int {
        events.filter { $0.kind == .login && $0.at >= period.start && $0.at < period.end }.count
    }

    /// 放音时长: seconds customers listened to recorded messages (voice broadcast).
    public static func playbackSeconds(_ attempts: [CallAttemptRecord]) -> TimeInterval {
        attempts.reduce(0) { $0 + $1.playbackSeconds }
    }
}
