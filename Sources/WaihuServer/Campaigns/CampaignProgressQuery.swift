import Foundation
import SQLKit
import WaihuDomain

/// A campaign's progress (leads per state, today's dials, answers and abandons) and, when
/// no lead can be dialed now, what holds them back and how many each reason holds: the
/// wallboard says why agents wait instead of leaving them idle without a word.
struct CampaignProgressQuery {
    let sql: SQLDatabase
    let campaignID: Int
    let campaignName: String
    let plan: CampaignPlan
    let clock: LocalClock

    func run(now: Date) async throws -> (CampaignView.Progress, CampaignView.Shortage) {
        struct StateCount: Decodable {
            var state: String
            var reason: String?
            var later: Int
            var daily: Int
            var n: Int
        }
        let today = clock.dayAndHour(now).day
        let perDay = plan.gate.attempts.maxAttemptsPerDay
        let counts = try await sql.raw("""
            SELECT state, done_reason AS reason,
                   CASE WHEN next_dial_at IS NOT NULL AND next_dial_at > \(bind: now.timeIntervalSince1970) THEN 1 ELSE 0 END AS later,
                   CASE WHEN attempts_day = \(bind: today) AND attempts_today >= \(bind: perDay) THEN 1 ELSE 0 END AS daily,
                   COUNT(*) AS n
            FROM campaign_leads WHERE campaign_id = \(bind: campaignID)
            GROUP BY state, done_reason, later, daily
            """).all(decoding: StateCount.self)
        var progress = CampaignView.Progress(total: 0, waiting: 0, due: 0, dialing: 0, wrap_up: 0, done: 0, dialed_today: 0,
                                             answered_today: 0, abandoned_today: 0, abandon_rate: nil)
        var shortage = LeadShortage()
        let windowOpen = plan.gate.window.allows(now, in: TimeZone(identifier: plan.timeZone) ?? clock.timeZone)
        for row in counts {
            progress.total += row.n
            switch CampaignLeadState(rawValue: row.state) {
            case .waiting?:
                progress.waiting += row.n
                if row.later == 0 { progress.due += row.n }
                if !windowOpen { shortage.count(.outsideCallingWindow, leads: row.n) }
                else if row.later == 1 { shortage.count(row.daily == 1 ? .attempts(.dailyLimitReached) : .attempts(.notBefore(now)), leads: row.n) }
                else { shortage.count(nil, leads: row.n) }
            case .dialing?: progress.dialing += row.n
            case .wrapUp?: progress.wrap_up += row.n
            case .done?, nil:
                progress.done += row.n
                let refusal: DialRefusal?
                switch row.reason.flatMap(LeadShortage.Reason.init(rawValue:)) {
                case .doNotCall?: refusal = .doNotCall
                case .invalidNumber?: refusal = .attempts(.invalidNumber)
                case .attemptLimitReached?: refusal = .attempts(.exhausted)
                default: refusal = nil
                }
                if let refusal { shortage.count(refusal, leads: row.n) }
            }
        }
        struct Today: Decodable {
            var dialed: Int
            var answered: Int?
            var abandoned: Int?
        }
        let figures = try await sql.raw("""
            SELECT COUNT(*) AS dialed,
                   SUM(CASE WHEN outcome IN ('answered', 'abandoned') THEN 1 ELSE 0 END) AS answered,
                   SUM(CASE WHEN outcome = 'abandoned' THEN 1 ELSE 0 END) AS abandoned
            FROM ev_call_attempts WHERE campaign_id = \(bind: campaignName) AND local_day = \(bind: today)
            """).first(decoding: Today.self)
        progress.dialed_today = figures?.dialed ?? 0
        progress.answered_today = figures?.answered ?? 0
        progress.abandoned_today = figures?.abandoned ?? 0
        if progress.answered_today > 0 {
            progress.abandon_rate = Double(progress.abandoned_today) / Double(progress.answered_today)
        }
        if let target = plan.surveyTarget {
            // A survey campaign's successes are its completed questionnaires (正常完成问卷).
            struct Completed: Decodable { var n: Int }
            let completed = try await sql.raw("""
                SELECT COUNT(*) AS n FROM ev_dispositions
                WHERE campaign_id = \(bind: campaignName) AND category = \(bind: DispositionCategory.success.rawValue)
                """).first(decoding: Completed.self)?.n ?? 0
            progress.survey_target = target
            progress.survey_completed = completed
            progress.survey_progress = KPI.surveyProgress(completed: completed, target: target).percent
        }
        let reasons = shortage.reasons.map {
            CampaignView.Shortage.Reason(reason: $0.reason.rawValue, label: $0.reason.chinese, leads: $0.leads)
        }
        return (progress, CampaignView.Shortage(dialable: shortage.dialable, reasons: reasons))
    }
}
