import Foundation

/// Where an agent's (or a team's) logged-in time went during a period: the time terms of
/// kpi.md (签入系统时长, 通话时长, 后处理时长, 示忙时长, 空闲时长, 内部呼叫时长).
///
/// Built from `AgentStateInterval`s clipped to the period, so an interval that began before
/// midnight counts only its part after midnight in the next day's report, and the days of a
/// month add up to the month.
public struct AgentTimeBreakdown: Equatable, Sendable {
    /// 签入系统时长: the sum of all state time. An agent is always in one state while logged
    /// in, so this equals login-to-logout time when the state log has no gaps.
    public var loggedIn: TimeInterval = 0
    /// 通话时长: time in `onCall`.
    public var talk: TimeInterval = 0
    /// 后处理时长: time in `wrapUp`.
    public var wrapUp: TimeInterval = 0
    /// 示忙时长: time in `notReady`, all reasons.
    public var notReady: TimeInterval = 0
    /// 示忙时长 by reason; an interval without a reason counts as `.other`.
    public var notReadyByReason: [NotReadyReason: TimeInterval] = [:]
    /// 空闲时长: time `ready` with no call.
    public var idle: TimeInterval = 0
    /// 内部呼叫时长
    public var internalCall: TimeInterval = 0
    /// Time in `helpRequest` (内部求助).
    public var helpRequest: TimeInterval = 0
    /// 外呼工作时长: time spent calling (`CallingTimeRule`), the hours of 每小时呼叫次数.
    public var calling: TimeInterval = 0
    /// 示忙次数: not-ready intervals that began in the period.
    public var notReadyCount = 0
    /// 内部求助次数: help-request intervals that began in the period.
    public var helpRequestCount = 0

    public init() {}

    /// Adds up `intervals` clipped to `period`. Pass one agent's intervals for an agent's
    /// figures, or a team's for team totals. Counts take only intervals that *began* in the
    /// period, so a pause across midnight is counted once.
    public init(intervals: [AgentStateInterval], period: DateInterval) {
        for interval in intervals {
            let start = max(interval.start, period.start)
            let end = min(interval.end, period.end)
            let seconds = max(0, end.timeIntervalSince(start))
            let beganInPeriod = interval.start >= period.start && interval.start < period.end
            loggedIn += seconds
            if CallingTimeRule.isCalling(interval.state) { calling += seconds }
            switch interval.state {
            case .ready:
                idle += seconds
            case .onCall, .reserved, .ringing:
                // Stored as on_call (`AgentState.recorded`); the same term if one is built by hand.
                talk += seconds
            case .loggedOut:
                // Never recorded: no logged-in time.
                loggedIn -= seconds
            case .wrapUp:
                wrapUp += seconds
            case .internalCall:
                internalCall += seconds
            case .helpRequest:
                helpRequest += seconds
                if beganInPeriod { helpRequestCount += 1 }
            case .notReady:
                notReady += seconds
                if seconds > 0 {
                    notReadyByReason[Self.reasonCounted(interval.reason), default: 0] += seconds
                }
                if beganInPeriod { notReadyCount += 1 }
            }
        }
    }

    /// The reason a not-ready interval counts under: its own, or `.other` without one.
    public static func reasonCounted(_ reason: NotReadyReason?) -> NotReadyReason { reason ?? .other }

    /// 工作有效时长: talk plus wrap-up, the time spent on customers' calls (a choice, see
    /// docs/kpi.md: internal calls and help are work, but not work on a customer).
    public var effectiveWork: TimeInterval { talk + wrapUp }

    /// 工时效率 from this breakdown.
    public var workTimeEfficiency: Ratio { KPI.workTimeEfficiency(talk: talk, loggedIn: loggedIn) }
    /// 示忙率 from this breakdown.
    public var notReadyRate: Ratio { KPI.notReadyRate(notReady: notReady, loggedIn: loggedIn) }
    /// 空闲率 from this breakdown.
    public var idleRate: Ratio { KPI.idleRate(idle: idle, loggedIn: loggedIn) }

    /// Team totals: each term summed.
    public static func + (lhs: AgentTimeBreakdown, rhs: AgentTimeBreakdown) -> AgentTimeBreakdown {
        var sum = lhs
        sum.loggedIn += rhs.loggedIn
        sum.talk += rhs.talk
        sum.wrapUp += rhs.wrapUp
        sum.notReady += rhs.notReady
        sum.notReadyByReason.merge(rhs.notReadyByReason, uniquingKeysWith: +)
        sum.idle += rhs.idle
        sum.internalCall += rhs.internalCall
        sum.helpRequest += rhs.helpRequest
        sum.calling += rhs.calling
        sum.notReadyCount += rhs.notReadyCount
        sum.helpRequestCount += rhs.helpRequestCount
        return sum
    }
}
