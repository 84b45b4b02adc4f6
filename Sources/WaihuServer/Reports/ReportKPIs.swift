import Foundation
import WaihuDomain

/// Every KPI of a report row from its `ReportFigures`, each by its WaihuDomain function,
/// so the formulas live once (docs/kpi.md). A value is nil where the denominator is 0.
public enum ReportKPIs {
    /// The columns of the KPI reports (agent, team, campaign, …), in docs/kpi.md order.
    public static let columns: [ReportColumn] = [
        .kpi("logged_in_time"), .kpi("talk_time"), .kpi("wrap_up_time"), .kpi("effective_work_time"),
        .kpi("not_ready_time"), .kpi("idle_time"), .kpi("internal_call_time"),
        .kpi("work_time_efficiency"), .kpi("not_ready_rate"), .kpi("idle_rate"),
        .kpi("not_ready_count"), .kpi("help_request_count"), .kpi("login_count"),
        .kpi("attendance_rate"), .kpi("scheduled_hours"), .kpi("schedule_adherence"), .kpi("attrition_rate"),
        .figure("calls_placed", "呼叫次数", "calls placed", .count),
        .kpi("agent_connected_calls"), .kpi("average_handle_time"), .kpi("calls_per_hour"),
        .figure("leads_dialled", "已拨打名单", "leads dialled", .count),
        .kpi("contact_rate"), .kpi("lead_contact_rate"), .kpi("invalid_rate"),
        .kpi("first_dials_per_day"), .kpi("average_daily_talk_time"), .kpi("playback_time"),
        .kpi("online_success_count"), .kpi("online_success_rate"), .kpi("contact_success_rate"),
        .kpi("net_success_rate"), .kpi("success_value"),
        .kpi("premium"), .figure("policies", "保单数", "policies", .count),
        .kpi("policy_entry_accuracy"), .kpi("cancellation_rate"),
        .kpi("qa_pass_rate"), .kpi("qa_excellent_rate"), .kpi("complaint_rate"), .kpi("complaint_cases"),
        .kpi("violations"), .kpi("sms_satisfaction"),
    ]

    /// The values of `columns` for one row, by column id.
    public static func values(_ f: ReportFigures) -> [String: Double?] {
        let connected = Int(f.connected)
        let successes = Int(f.successes)
        let leadsDialled = Int(f.leadsDialled)
        let agentDays = Int(f.agentDays)
        let successRate = KPI.onlineSuccessRate(successes: successes, connectedCalls: connected)
        var v: [String: Double?] = [
            "logged_in_time": f.loggedIn,
            "talk_time": f.talk,
            "wrap_up_time": f.wrapUp,
            "effective_work_time": f.talk + f.wrapUp,
            "not_ready_time": f.notReady,
            "idle_time": f.idle,
            "internal_call_time": f.internalCall,
            "work_time_efficiency": KPI.workTimeEfficiency(talk: f.talk, loggedIn: f.loggedIn).percent,
            "not_ready_rate": KPI.notReadyRate(notReady: f.notReady, loggedIn: f.loggedIn).percent,
            "idle_rate": KPI.idleRate(idle: f.idle, loggedIn: f.loggedIn).percent,
            "not_ready_count": f.notReadyCount,
            "help_request_count": f.helpRequestCount,
            "login_count": f.logins,
            "attendance_rate": KPI.attendanceRate(present: Int(f.presentDays), scheduled: Int(f.scheduledDays)).percent,
            "scheduled_hours": f.scheduledSeconds / 3600,
            "schedule_adherence": KPI.scheduleAdherence(loggedIn: f.loggedIn, scheduled: f.scheduledSeconds).percent,
            "attrition_rate": KPI.attritionRate(leavers: Int(f.leavers), agentsAtStart: Int(f.agentsAtStart),
                                                agentsAtEnd: Int(f.agentsAtEnd)).percent,
            "calls_placed": f.callsPlaced,
            "agent_connected_calls": f.connected,
            "average_handle_time": KPI.averageHandleTime(talkSeconds: f.connectedTalk, connectedCalls: connected).value,
            "calls_per_hour": KPI.callsPerHour(callsPlaced: Int(f.callsPlaced), callingSeconds: f.loggedIn).value,
            "leads_dialled": f.leadsDialled,
            "contact_rate": KPI.contactRate(connectedCalls: connected, leadsDialled: leadsDialled).percent,
            "lead_contact_rate": KPI.leadContactRate(leadsContacted: Int(f.contactedLeads), leadsDialled: leadsDialled).percent,
            "invalid_rate": KPI.invalidRate(invalidLeads: Int(f.invalidLeads), dialledLeads: leadsDialled).percent,
            "first_dials_per_day": KPI.firstDialsPerDay(firstDials: Int(f.firstDials), agentDays: agentDays).value,
            "average_daily_talk_time": KPI.averageDailyTalkTime(talkSeconds: f.connectedTalk, agentDays: agentDays).value,
            "playback_time": f.playback,
            "online_success_count": f.successes,
            "online_success_rate": successRate.percent,
            "contact_success_rate": KPI.contactSuccessRate(successes: successes, contacted: Int(f.contactedLeads)).percent,
            "net_success_rate": KPI.netSuccessRate(successes: successes, leadsDialled: leadsDialled).percent,
            "success_value": KPI.successValue(successCount: successes, successRate: successRate),
            "premium": f.premiumFen / 100,
            "policies": f.policies,
            "policy_entry_accuracy": KPI.policyEntryAccuracy(policies: Int(f.policies),
                                                              policiesWithErrors: Int(f.policiesWithErrors)).percent,
            "cancellation_rate": KPI.cancellationRate(cancelled: Int(f.cancelled), policies: Int(f.policies)).percent,
            "qa_pass_rate": KPI.qaPassRate(passed: Int(f.passed), inspected: Int(f.inspected)).percent,
            "qa_excellent_rate": KPI.qaExcellentRate(excellent: Int(f.excellent), inspected: Int(f.inspected)).percent,
            "complaint_rate": KPI.complaintRate(outboundComplaints: Int(f.outboundComplaints), connectedCalls: connected).percent,
            "complaint_cases": f.complaintCases,
            "violations": f.violations,
            "sms_satisfaction": KPI.smsSatisfaction(satisfied: Int(f.smsSatisfied), participants: Int(f.smsParticipants)).percent,
        ]
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
            callsPerHour: KPI.callsPerHour(callsPlaced: Int(f.callsPlaced), callingSeconds: f.loggedIn),
            successCount: Int(f.successes),
            successRate: KPI.onlineSuccessRate(successes: Int(f.successes), connectedCalls: connected))
    }
}
