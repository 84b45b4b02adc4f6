import Foundation
import WaihuDomain

/// Every KPI of a report row from its `ReportFigures`, each by its WaihuDomain function,
/// so the formulas live once (docs/kpi.md). A value is nil where the denominator is 0.
public enum ReportKPIs {
    /// The columns of the KPI reports (agent, team, campaign, …), in docs/kpi.md order.
    public static let columns: [ReportColumn] = [
        .kpi("seats"), .kpi("agents")]
        + AgentSkill.allCases.map { .kpi("agents", part: $0, chineseName: $0.chineseName) }
        + [.kpi("logged_in_time"), .kpi("talk_time"), .kpi("wrap_up_time"), .kpi("effective_work_time"),
        .kpi("not_ready_time")]
        + NotReadyReason.allCases.map { .kpi("not_ready_time", part: $0, chineseName: $0.chineseName) }
        + [.kpi("idle_time"), .kpi("internal_call_time"), .kpi("calling_time"),
        .kpi("work_time_efficiency"), .kpi("not_ready_rate"), .kpi("idle_rate"),
        .kpi("not_ready_count"), .kpi("help_request_count"), .kpi("login_count"),
        .kpi("attendance_rate"), .kpi("scheduled_hours"), .kpi("schedule_adherence"), .kpi("attrition_rate"),
        .figure("calls_placed", "呼叫次数", "calls placed", .count),
        .kpi("agent_connected_calls"), .kpi("calls_per_agent"), .kpi("average_handle_time"), .kpi("calls_per_hour"), .kpi("calls_per_logged_in_hour"),
        .figure("leads_dialled", "已拨打名单", "leads dialled", .count),
        .kpi("contact_rate"), .kpi("lead_contact_rate"), .kpi("invalid_data_total"), .kpi("invalid_rate"),
        .kpi("first_dials_per_day"), .kpi("average_daily_talk_time"), .kpi("playback_time"),
        .kpi("online_success_count"), .kpi("online_success_rate"), .kpi("contact_success_rate"),
        .kpi("net_success_rate"), .kpi("success_value"),
        .kpi("premium"), .kpi("net_premium"), .figure("policies", "保单数", "policies", .count),
        .kpi("policy_entry_accuracy"), .kpi("cancellation_rate"),
        .kpi("qa_pass_rate"), .kpi("qa_excellent_rate"), .kpi("complaint_rate"), .kpi("complaint_cases"),
        .kpi("violations"), .kpi("sms_satisfaction"),
    ]

    /// 无效数据总量 by cause, one column per `InvalidLeadCause` (无效数据总量·空号 …): the list-quality
    /// and campaign reports show them next to the invalid rate.
    public static let invalidByCauseColumns: [ReportColumn] = InvalidLeadCause.allCases.map {
        .kpi("invalid_data_total", part: $0, chineseName: $0.chineseName)
    }

    /// The values of `columns` for one row, by column id.
    public static func values(_ f: ReportFigures) -> [String: Double?] {
        let connected = Int(f.connected)
        let successes = Int(f.successes)
        let leadsDialled = Int(f.leadsDialled)
        let agentDays = Int(f.agentDays)
        let successRate = KPI.onlineSuccessRate(successes: successes, connectedCalls: connected)
        var v: [String: Double?] = [:]
        v["seats"] = .some(f.seats)
        var agents = 0.0
        for skill in AgentSkill.allCases {
            v[ReportColumn.partID("agents", skill)] = .some(f.agentsBySkill[skill])
            agents += f.agentsBySkill[skill]
        }
        v["agents"] = .some(agents)
        for reason in NotReadyReason.allCases {
            v[ReportColumn.partID("not_ready_time", reason)] = .some(f.notReadyByReason[reason])
        }
        v["logged_in_time"] = .some(f.loggedIn)
        v["talk_time"] = .some(f.talk)
        v["wrap_up_time"] = .some(f.wrapUp)
        v["effective_work_time"] = .some(f.talk + f.wrapUp)
        v["not_ready_time"] = .some(f.notReady)
        v["idle_time"] = .some(f.idle)
        v["internal_call_time"] = .some(f.internalCall)
        v["calling_time"] = .some(f.calling)
        v["work_time_efficiency"] = .some(KPI.workTimeEfficiency(talk: f.talk, loggedIn: f.loggedIn).percent)
        v["not_ready_rate"] = .some(KPI.notReadyRate(notReady: f.notReady, loggedIn: f.loggedIn).percent)
        v["idle_rate"] = .some(KPI.idleRate(idle: f.idle, loggedIn: f.loggedIn).percent)
        v["not_ready_count"] = .some(f.notReadyCount)
        v["help_request_count"] = .some(f.helpRequestCount)
        v["login_count"] = .some(f.logins)
        v["attendance_rate"] = .some(KPI.attendanceRate(present: Int(f.presentDays), scheduled: Int(f.scheduledDays)).percent)
        v["scheduled_hours"] = .some(f.scheduledSeconds / 3600)
        v["schedule_adherence"] = .some(KPI.scheduleAdherence(loggedIn: f.loggedIn, scheduled: f.scheduledSeconds).percent)
        v["attrition_rate"] = .some(KPI.attritionRate(leavers: Int(f.leavers), agentsAtStart: Int(f.agentsAtStart),
                                                agentsAtEnd: Int(f.agentsAtEnd)).percent)
        v["calls_placed"] = .some(f.callsPlaced)
        v["agent_connected_calls"] = .some(f.connected)
        v["calls_per_agent"] = .some(KPI.callsPerAgent(connectedCalls: connected, agents: Int(f.agentsWithCalls)).value)
        v["average_handle_time"] = .some(KPI.averageHandleTime(talkSeconds: f.connectedTalk, connectedCalls: connected).value)
        v["calls_per_hour"] = .some(KPI.callsPerHour(callsPlaced: Int(f.callsPlaced), callingSeconds: f.calling).value)
        v["calls_per_logged_in_hour"] = .some(KPI.callsPerLoggedInHour(callsPlaced: Int(f.callsPlaced), loggedInSeconds: f.loggedIn).value)
        v["leads_dialled"] = .some(f.leadsDialled)
        v["contact_rate"] = .some(KPI.contactRate(connectedCalls: connected, leadsDialled: leadsDialled).percent)
        v["lead_contact_rate"] = .some(KPI.leadContactRate(leadsContacted: Int(f.contactedLeads), leadsDialled: leadsDialled).percent)
        v["invalid_data_total"] = .some(f.invalidLeads)
        v["invalid_rate"] = .some(KPI.invalidRate(invalidLeads: Int(f.invalidLeads), dialledLeads: leadsDialled).percent)
        for cause in InvalidLeadCause.allCases {
            v[ReportColumn.partID("invalid_data_total", cause)] = .some(f.invalidLeadsByCause[cause])
        }
        v["first_dials_per_day"] = .some(KPI.firstDialsPerDay(firstDials: Int(f.firstDials), agentDays: agentDays).value)
        v["average_daily_talk_time"] = .some(KPI.averageDailyTalkTime(talkSeconds: f.connectedTalk, agentDays: agentDays).value)
        v["playback_time"] = .some(f.playback)
        v["online_success_count"] = .some(f.successes)
        v["online_success_rate"] = .some(successRate.percent)
        v["contact_success_rate"] = .some(KPI.contactSuccessRate(successes: successes, contacted: Int(f.contactedLeads)).percent)
        v["net_success_rate"] = .some(KPI.netSuccessRate(successes: successes, leadsDialled: leadsDialled).percent)
        v["success_value"] = .some(KPI.successValue(successCount: successes, successRate: successRate))
        v["premium"] = .some(f.premiumFen / 100)
        v["net_premium"] = .some(KPI.netPremium(premium: f.premiumFen / 100, cancelledPremium: f.cancelledPremiumFen / 100))
        v["policies"] = .some(f.policies)
        v["policy_entry_accuracy"] = .some(KPI.policyEntryAccuracy(policies: Int(f.policies),
                                                              policiesWithErrors: Int(f.policiesWithErrors)).percent)
        v["cancellation_rate"] = .some(KPI.cancellationRate(cancelled: Int(f.cancelled), policies: Int(f.policies)).percent)
        v["qa_pass_rate"] = .some(KPI.qaPassRate(passed: Int(f.passed), inspected: Int(f.inspected)).percent)
        v["qa_excellent_rate"] = .some(KPI.qaExcellentRate(excellent: Int(f.excellent), inspected: Int(f.inspected)).percent)
        v["complaint_rate"] = .some(KPI.complaintRate(outboundComplaints: Int(f.outboundComplaints), connectedCalls: connected).percent)
        v["complaint_cases"] = .some(f.complaintCases)
        v["violations"] = .some(f.violations)
        v["sms_satisfaction"] = .some(KPI.smsSatisfaction(satisfied: Int(f.smsSatisfied), participants: Int(f.smsParticipants)).percent)
        for (key, value) in v where value.map({ !$0.isFinite }) ?? false { v[key] = .some(nil) }
        return v
    }

    /// The §5 ranking row of an agent.
    public static func rankingRow(agentID: String, _ f: ReportFigures) -> AgentKPIRow {
        let connected = Int(f.connected)
        return AgentKPIRow(
            agentID: agentID,
            workTimeEfficiency: KPI.workTimeEfficiency(talk: f.talk, loggedIn: f.loggedIn),
            idleRate: KPI.idleRate(idle: f.idle, loggedIn: f.loggedIn),
            notReadyRate: KPI.notReadyRate(notReady: f.notReady, loggedIn: f.loggedIn),
            averageHandleTime: KPI.averageHandleTime(talkSeconds: f.connectedTalk, connectedCalls: connected),
            callsPerHour: KPI.callsPerHour(callsPlaced: Int(f.callsPlaced), callingSeconds: f.calling),
            successCount: Int(f.successes),
            successRate: KPI.onlineSuccessRate(successes: Int(f.successes), connectedCalls: connected))
    }
}
