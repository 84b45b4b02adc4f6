import Foundation
import SQLKit
import WaihuDialer
import WaihuDomain

/// Reads what a predictive campaign's pacer may start from (`PacingHistory`): the answer rate
/// of the campaign's batches and sources by hour over the last two weeks (from the hourly
/// roll-up), recent answer and failure delays of their dials, recent talk and wrap-up times of
/// the campaign's teams, and the campaign's own abandon ledger for the last 30 days.
/// Simulated (demo) events never count: they must not steer real dialling.
struct PacingHistoryQuery {
    let sql: SQLDatabase
    let campaignID: Int
    /// The campaign's name: the `campaign_id` of its events.
    let campaignName: String
    let clock: LocalClock

    /// Days of answer rates; days of recent durations; how many durations of each kind.
    static let rateDays = 14
    static let durationDays = 3
    static let delaySamples = 1000
    static let handlingSamples = 300

    func load(now: Date = Date()) async throws -> PacingHistory {
        let today = clock.day(of: now)
        func since(_ days: Int) -> String { (today.addingDays(-days) ?? today).isoString }
        var history = PacingHistory()

        struct List: Decodable { var batch: String; var source: String }
        let lists = try await sql.raw("""
            SELECT b.name AS batch, s.name AS source FROM campaign_batches cb
            JOIN lead_batches b ON b.id = cb.batch_id JOIN lead_sources s ON s.id = b.source_id
            WHERE cb.campaign_id = \(bind: campaignID)
            """).all(decoding: List.self)
        let batches = Array(Set(lists.map(\.batch))), sources = Array(Set(lists.map(\.source)))
        struct Agent: Decodable { var username: String }
        let agents = try await sql.raw("""
            SELECT u.username AS username FROM campaign_teams ct JOIN users u ON u.team_id = ct.team_id
            WHERE ct.campaign_id = \(bind: campaignID)
            """).all(decoding: Agent.self).map(\.username)
        let real = SQLLiteral.boolean(false)
        let live = "outcome IN ('\(CallOutcome.answered.rawValue)', '\(CallOutcome.abandoned.rawValue)')"

        if !lists.isEmpty {
            let ofLists: SQLQueryString = "(list_batch IN (\(binds: batches)) OR list_source IN (\(binds: sources)))"
            struct Hour: Decodable { var hour: Int; var dials: Int; var live: Int? }
            for row in try await sql.raw("""
                SELECT local_hour AS hour, CAST(SUM(calls) AS BIGINT) AS dials,
                       CAST(SUM(CASE WHEN \(unsafeRaw: live) THEN calls ELSE 0 END) AS BIGINT) AS live
                FROM ev_hourly_calls WHERE local_day >= \(bind: since(Self.rateDays)) AND simulated = \(real) AND \(ofLists)
                GROUP BY local_hour
                """).all(decoding: Hour.self) where (0..<24).contains(row.hour) {
                history.dialsByHour[row.hour] = row.dials
                history.liveAnswersByHour[row.hour] = row.live ?? 0
            }
            struct Seconds: Decodable { var s: Double }
            history.durations.liveDelays = try await sql.raw("""
                SELECT answered_at - placed_at AS s FROM ev_call_attempts
                WHERE local_day >= \(bind: since(Self.durationDays)) AND simulated = \(real) AND \(ofLists)
                  AND outcome = \(bind: CallOutcome.answered.rawValue) AND answered_at IS NOT NULL
                ORDER BY placed_at DESC LIMIT \(unsafeRaw: String(Self.delaySamples))
                """).all(decoding: Seconds.self).map(\.s).filter { $0 >= 0 }
            history.durations.failedDials = try await sql.raw("""
                SELECT ended_at - placed_at AS s FROM ev_call_attempts
                WHERE local_day >= \(bind: since(Self.durationDays)) AND simulated = \(real) AND \(ofLists) AND NOT \(unsafeRaw: live)
                ORDER BY placed_at DESC LIMIT \(unsafeRaw: String(Self.delaySamples))
                """).all(decoding: Seconds.self).map(\.s).filter { $0 >= 0 }
        }
        if !agents.isEmpty {
            struct Seconds: Decodable { var s: Double }
            history.durations.talks = try await sql.raw("""
                SELECT talk_seconds AS s FROM ev_call_attempts
                WHERE local_day >= \(bind: since(Self.durationDays)) AND simulated = \(real) AND agent_id IN (\(binds: agents))
                  AND talk_seconds > 0
                ORDER BY placed_at DESC LIMIT \(unsafeRaw: String(Self.handlingSamples))
                """).all(decoding: Seconds.self).map(\.s)
            // State intervals are stored split at hour boundaries: a wrap-up is the sum of its pieces.
            history.durations.wrapUps = try await sql.raw("""
                SELECT SUM(seconds) AS s FROM ev_agent_states
                WHERE local_day >= \(bind: since(Self.durationDays)) AND simulated = \(real) AND agent_id IN (\(binds: agents))
                  AND state = \(bind: AgentState.wrapUp.rawValue)
                GROUP BY agent_id, start_at ORDER BY start_at DESC LIMIT \(unsafeRaw: String(Self.handlingSamples))
                """).all(decoding: Seconds.self).map(\.s)
        }

        struct Day: Decodable { var day: String; var live: Int?; var abandoned: Int? }
        for row in try await sql.raw("""
            SELECT local_day AS day, CAST(SUM(CASE WHEN \(unsafeRaw: live) THEN calls ELSE 0 END) AS BIGINT) AS live,
                   CAST(SUM(CASE WHEN outcome = \(bind: CallOutcome.abandoned.rawValue) THEN calls ELSE 0 END) AS BIGINT) AS abandoned
            FROM ev_hourly_calls WHERE local_day >= \(bind: since(30)) AND simulated = \(real) AND campaign_id = \(bind: campaignName)
            GROUP BY local_day
            """).all(decoding: Day.self) {
            guard let day = CalendarDay(row.day) else { continue }
            history.ledger.restore(day: day.daysSince1970, liveAnswers: row.live ?? 0, abandons: Double(row.abandoned ?? 0))
        }
        return history
    }
}
