import Foundation

/// kpi.md §3 项目管理 / 名单管理.
extension KPI {
    /// 外呼有效号码率: leads without an objective block (停机, 空号, 互斥业务, 数据卡,
    /// 本月营销次数已满) / list data total (客户数据总量).
    public static func validNumberRate(validLeads: Int, listTotal: Int) -> Ratio {
        Ratio(validLeads, over: listTotal)
    }

    /// 无效数据比率: leads found invalid / leads dialled (002's definition).
    public static func invalidRate(invalidLeads: Int, dialledLeads: Int) -> Ratio {
        Ratio(invalidLeads, over: dialledLeads)
    }

    /// 无效数据总量: the dialled leads that a call or a disposition showed invalid
    /// (`InvalidLeadRule`).
    public static func invalidLeads(_ attempts: [CallAttemptRecord], _ dispositions: [DispositionRecord]) -> Set<String> {
        InvalidLeadRule.invalidLeads(attempts, dispositions)
    }

    /// 已拨打名单: distinct leads dialled at least once.
    public static func dialledLeads(_ attempts: [CallAttemptRecord]) -> Set<String> {
        Set(attempts.map(\.leadID))
    }

    /// 人工呼出通话量: outbound calls an agent handled with talk time above 0 s.
    public static func agentConnectedCalls(_ attempts: [CallAttemptRecord]) -> Int {
        attempts.filter(\.isAgentConnected).count
    }

    /// 通话时长 from calls: total talk seconds of the calls agents handled.
    public static func agentTalkSeconds(_ attempts: [CallAttemptRecord]) -> TimeInterval {
        attempts.filter(\.isAgentConnected).reduce(0) { $0 + $1.talkSeconds }
    }

    /// 人均呼出通话量: agent connected calls / agents.
    public static func callsPerAgent(connectedCalls: Int, agents: Int) -> Ratio {
        Ratio(connectedCalls, over: agents)
    }

    /// 外呼成功联系率: agent connected calls / leads dialled (001's definition).
    public static func contactRate(connectedCalls: Int, leadsDialled: Int) -> Ratio {
        Ratio(connectedCalls, over: leadsDialled)
    }

    /// 接触率: leads contacted / leads dialled (002's definition, counts each lead once).
    public static func leadContactRate(leadsContacted: Int, leadsDialled: Int) -> Ratio {
        Ratio(leadsContacted, over: leadsDialled)
    }

    /// 项目呼出均长 / 通话均长: agent talk seconds / connected calls; `value` is in seconds.
    public static func averageHandleTime(talkSeconds: TimeInterval, connectedCalls: Int) -> Ratio {
        Ratio(talkSeconds, over: Double(connectedCalls))
    }

    /// 每小时呼叫次数: calls placed / hours spent calling (`CallingTimeRule`: ready, on a call
    /// or in wrap-up; `AgentTimeBreakdown.calling`), passed in seconds.
    public static func callsPerHour(callsPlaced: Int, callingSeconds: TimeInterval) -> Ratio {
        Ratio(Double(callsPlaced), over: callingSeconds / 3600)
    }

    /// 每签入小时呼叫次数: calls placed / all logged-in hours, breaks and meals included. Not
    /// the center's 每小时呼叫次数; kept beside it to show what the pauses cost.
    public static func callsPerLoggedInHour(callsPlaced: Int, loggedInSeconds: TimeInterval) -> Ratio {
        Ratio(Double(callsPlaced), over: loggedInSeconds / 3600)
    }

    /// The hourly curve of 每小时呼叫次数: calls placed in each clock hour (0–23) of the day
    /// in `timeZone`, to plan calling times. Divide by the agents' hours spent calling in the
    /// same hour for the rate.
    public static func callsPlacedByHour(_ attempts: [CallAttemptRecord],
                                         timeZone: TimeZone = EventTimestamp.exportTimeZone) -> [Int: Int] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var counts: [Int: Int] = [:]
        for attempt in attempts {
            counts[calendar.component(.hour, from: attempt.placedAt), default: 0] += 1
        }
        return counts
    }

    /// 外呼在线成功量: dispositions in the `success` category (a completed questionnaire or
    /// a sale, depending on the project).
    public static func onlineSuccessCount(_ dispositions: [DispositionRecord]) -> Int {
        dispositions.filter { $0.category == .success }.count
    }

    /// 外呼在线成功率: successes / agent connected calls.
    public static func onlineSuccessRate(successes: Int, connectedCalls: Int) -> Ratio {
        Ratio(successes, over: connectedCalls)
    }

    /// 接触成功率: successes / customers contacted (002).
    public static func contactSuccessRate(successes: Int, contacted: Int) -> Ratio {
        Ratio(successes, over: contacted)
    }

    /// 已接触: distinct leads with a disposition showing the right customer was reached
    /// (`ContactRule`).
    public static func contactedLeads(_ dispositions: [DispositionRecord]) -> Set<String> {
        ContactRule.contactedLeads(dispositions)
    }

    /// 净成功率: successes / leads dialled (002).
    public static func netSuccessRate(successes: Int, leadsDialled: Int) -> Ratio {
        Ratio(successes, over: leadsDialled)
    }

    /// 外呼问卷完成进度: questionnaires completed / target.
    public static func surveyProgress(completed: Int, target: Int) -> Ratio {
        Ratio(completed, over: target)
    }

    /// 外呼完成问卷率: questionnaires completed / agent connected calls.
    public static func surveyCompletionRate(completed: Int, connectedCalls: Int) -> Ratio {
        Ratio(completed, over: connectedCalls)
    }

    /// 日均首拨电话数: first dials / agent-days worked (one agent on one day is one agent-day).
    public static func firstDialsPerDay(firstDials: Int, agentDays: Int) -> Ratio {
        Ratio(firstDials, over: agentDays)
    }

    /// 首拨: attempts that were the lead's first dial. An attempt without `attempt_number`
    /// counts as first when it is the earliest attempt of its lead among `attempts`.
    public static func firstDials(_ attempts: [CallAttemptRecord]) -> [CallAttemptRecord] {
        var earliest: [String: Date] = [:]
        for attempt in attempts where attempt.attemptNumber == nil {
            earliest[attempt.leadID] = min(earliest[attempt.leadID] ?? attempt.placedAt, attempt.placedAt)
        }
        var seen: Set<String> = []
        return attempts.filter { attempt in
            if let number = attempt.attemptNumber { return number == 1 }
            // Two attempts at the same first instant: count the lead once.
            guard attempt.placedAt == earliest[attempt.leadID], !seen.contains(attempt.leadID) else { return false }
            seen.insert(attempt.leadID)
            return true
        }
    }

    /// 日均通话时长: talk seconds / agent-days worked; `value` is seconds per agent per day.
    public static func averageDailyTalkTime(talkSeconds: TimeInterval, agentDays: Int) -> Ratio {
        Ratio(talkSeconds, over: Double(agentDays))
    }

    /// 保费产能: premium of the policies sold. With `excludingCancelled`, cancelled policies
    /// (注销) are left out, for net premium.
    public static func premium(_ sales: [SaleRecord], excludingCancelled: Bool = false) -> Decimal {
        sales.filter { !(excludingCancelled && $0.isCancelled) }.reduce(Decimal(0)) { $0 + $1.premium }
    }

    /// 净保费: premium of the policies sold less the premium of those cancelled (注销), in yuan.
    public static func netPremium(premium: Double, cancelledPremium: Double) -> Double {
        premium - cancelledPremium
    }

    /// 单条名单成本: what a list cost / its leads (客户数据总量).
    public static func costPerLead(cost: Double, leads: Int) -> Ratio {
        Ratio(cost, over: Double(leads))
    }

    /// 单笔成功成本: what a list cost / its successes, to judge which source to buy.
    public static func costPerSuccess(cost: Double, successes: Int) -> Ratio {
        Ratio(cost, over: Double(successes))
    }

    /// 承保信息登录准确率: (policies − policies with entry errors) / policies.
    public static func policyEntryAccuracy(policies: Int, policiesWithErrors: Int) -> Ratio {
        Ratio(policies - policiesWithErrors, over: policies)
    }

    /// 承保信息登录准确率 from sales records.
    public static func policyEntryAccuracy(_ sales: [SaleRecord]) -> Ratio {
        policyEntryAccuracy(policies: sales.count, policiesWithErrors: sales.filter { $0.entryErrors > 0 }.count)
    }

    /// 注销率: cancelled policies / policies.
    public static func cancellationRate(cancelled: Int, policies: Int) -> Ratio {
        Ratio(cancelled, over: policies)
    }

    /// 注销率 from sales records.
    public static func cancellationRate(_ sales: [SaleRecord]) -> Ratio {
        cancellationRate(cancelled: sales.filter(\.isCancelled).count, policies: sales.count)
    }

    /// 失败原因分析: every disposition that is not a success, by code, most frequent first
    /// (ties by code), each with its share of all unsuccessful dispositions.
    public static func failureReasons(_ dispositions: [DispositionRecord]) -> [FailureReasonShare] {
        let failures = dispositions.filter { $0.category != .success }
        var counts: [String: (category: DispositionCategory, count: Int)] = [:]
        for record in failures {
            counts[record.code, default: (record.category, 0)].count += 1
        }
        return counts
            .map { FailureReasonShare(code: $0.key, category: $0.value.category, count: $0.value.count,
                                      share: Ratio($0.value.count, over: failures.count)) }
            .sorted { ($1.count, $0.code) < ($0.count, $1.code) }
    }
}
