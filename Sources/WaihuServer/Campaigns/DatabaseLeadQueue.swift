import Fluent
import Foundation
import SQLKit
import WaihuDialer
import WaihuDomain

/// A campaign's leads in the database, as the dialer takes them: due leads in order
/// (callbacks and retries whose time has come first, then fresh leads by id), each checked
/// against the dial gate and the do-not-call list at the moment of dialing, then claimed
/// with a conditional UPDATE so that no other dialer (another node, a second runner)
/// takes the same lead. Leads the gate refuses are put aside with their reason: done
/// (do-not-call, attempt limit, invalid number) or due later (retry, daily limit).
actor DatabaseLeadQueue: CampaignLeadQueue {
    let database: Database
    let campaignID: Int
    let gate: DialGate
    let timeZone: TimeZone
    /// Which server claimed a lead, for the crash recovery of that server.
    let node: String
    private let clock: LocalClock
    private static let page = 50

    init(database: Database, campaignID: Int, plan: CampaignPlan, node: String) {
        self.database = database
        self.campaignID = campaignID
        self.gate = plan.gate
        let zone = TimeZone(identifier: plan.timeZone) ?? EventTimestamp.exportTimeZone
        self.timeZone = zone
        self.node = node
        self.clock = LocalClock(timeZone: zone)
    }

    func nextLead() async throws -> NextLead {
        let now = Date()
        // The window is the same for every lead of a campaign: no need to read any.
        guard gate.window.allows(now, in: timeZone) else {
            return try await hasOpenLeads() ? .notNow : .finished
        }
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        let today = clock.dayAndHour(now).day
        for _ in 0..<20 {
            let rows = try await sql.raw("""
                SELECT cl.id AS id, cl.lead_id AS lead_id, cl.attempts AS attempts, cl.attempts_today AS attempts_today,
                       cl.attempts_day AS attempts_day, cl.last_outcome AS last_outcome, cl.last_attempt_at AS last_attempt_at,
                       l.phone_key AS phone_key, l.renewal_date AS renewal_date
                FROM campaign_leads cl JOIN leads l ON l.id = cl.lead_id
                WHERE cl.campaign_id = \(bind: campaignID) AND cl.state = 'waiting'
                  AND (cl.next_dial_at IS NULL OR cl.next_dial_at <= \(bind: now.timeIntervalSince1970))
                ORDER BY CASE WHEN cl.next_dial_at IS NULL THEN 1 ELSE 0 END, cl.next_dial_at, cl.id
                LIMIT \(unsafeRaw: String(Self.page))
                """).all(decoding: DueLead.self)
            if rows.isEmpty { return try await hasOpenLeads() ? .notNow : .finished }
            let listed = try await doNotCallKeys(rows.map(\.phone_key), today: today, on: sql)
            for row in rows {
                let history = LeadDialHistory(
                    attempts: row.attempts, attemptsToday: row.attempts_day == today ? row.attempts_today : 0,
                    lastOutcome: row.last_outcome.flatMap(DialOutcome.init(rawValue:)),
                    lastAttemptAt: row.last_attempt_at.map(Date.init(timeIntervalSince1970:)))
                let refusal = gate.refusal(history: history, onDoNotCallList: listed.contains(row.phone_key),
                                           renewalDate: row.renewal_date.flatMap(Self.localDay), timeZone: timeZone, now: now)
                switch refusal {
                case nil:
                    let lead = CampaignLead(id: Int64(row.lead_id), number: Self.dialString(row.phone_key))
                    if try await claim(row, lead: lead, history: history, today: today, now: now, on: sql) {
                        return .lead(lead)
                    }
                case .outsideCallingWindow?:
                    return .notNow
                case .doNotCall?:
                    try await putAside(row.id, doneReason: LeadShortage.Reason.doNotCall.rawValue, on: sql)
                case .attempts(.invalidNumber)?:
                    try await putAside(row.id, doneReason: LeadShortage.Reason.invalidNumber.rawValue, on: sql)
                case .attempts(.exhausted)?, .attempts(.eligible)?:
                    try await putAside(row.id, doneReason: LeadShortage.Reason.attemptLimitReached.rawValue, on: sql)
                case .attempts(.notBefore(let due))?:
                    try await putAside(row.id, until: due, on: sql)
                case .attempts(.dailyLimitReached)?:
                    try await putAside(row.id, until: clock.start(of: Self.tomorrow(after: today)), on: sql)
                case .renewalTooFarAway?:
                    try await putAside(row.id, until: now.addingTimeInterval(86_400), on: sql)
                }
            }
        }
        return .notNow
    }

    private struct DueLead: Decodable {
        var id: Int
        var lead_id: Int
        var attempts: Int
        var attempts_today: Int
        var attempts_day: String?
        var last_outcome: String?
        var last_attempt_at: Double?
        var phone_key: String
        var renewal_date: String?
    }

    /// Takes the lead if it is still waiting; false when another dialer took it first.
    private func claim(_ row: DueLead, lead: CampaignLead, history: LeadDialHistory, today: String, now: Date,
                       on sql: SQLDatabase) async throws -> Bool {
        let claimed = try await sql.update("campaign_leads")
            .set("state", to: CampaignLeadState.dialing.rawValue)
            .set("call_id", to: lead.callID)
            .set("claimed_at", to: now.timeIntervalSince1970)
            .set("claimed_by", to: node)
            .set("attempts", to: row.attempts + 1)
            .set("attempts_today", to: history.attemptsToday + 1)
            .set("attempts_day", to: today)
            .where("id", .equal, row.id)
            .where("state", .equal, CampaignLeadState.waiting.rawValue)
            .returning("id")
            .all()
        return !claimed.isEmpty
    }

    private func putAside(_ id: Int, doneReason: String, on sql: SQLDatabase) async throws {
        try await sql.update("campaign_leads")
            .set("state", to: CampaignLeadState.done.rawValue)
            .set("done_reason", to: doneReason)
            .where("id", .equal, id).where("state", .equal, CampaignLeadState.waiting.rawValue)
            .run()
    }

    private func putAside(_ id: Int, until: Date, on sql: SQLDatabase) async throws {
        try await sql.update("campaign_leads")
            .set("next_dial_at", to: until.timeIntervalSince1970)
            .where("id", .equal, id).where("state", .equal, CampaignLeadState.waiting.rawValue)
            .run()
    }

    private func doNotCallKeys(_ keys: [String], today: String, on sql: SQLDatabase) async throws -> Set<String> {
        struct Row: Decodable { var phone_key: String; var until: String? }
        let rows = try await sql.select().column("phone_key").column("until").from(DoNotCallRecord.schema)
            .where("phone_key", .in, keys).all(decoding: Row.self)
        return Set(rows.filter { ($0.until ?? "9999-12-31") >= today }.map(\.phone_key))
    }

    /// Leads that may still be dialed or that wait for an agent's disposition (which may
    /// ask for a callback): while any is left the campaign is not finished.
    private func hasOpenLeads() async throws -> Bool {
        guard let sql = database as? SQLDatabase else { throw EventStoreError.notSQL }
        let open = try await sql.select().column("id").from("campaign_leads")
            .where("campaign_id", .equal, campaignID)
            .where("state", .in, [CampaignLeadState.waiting, .dialing, .wrapUp].map(\.rawValue))
            .limit(1).all()
        return !open.isEmpty
    }

    /// The digits to send to the trunk for a stored key (`+8613800138000` → `13800138000`).
    static func dialString(_ key: String) -> String {
        if case .success(let number) = PhoneNumber.parse(key) { return number.nationalNumber }
        return key.hasPrefix("+86") ? String(key.dropFirst(3)) : key
    }

    static func localDay(_ text: String) -> LocalDay? {
        CalendarDate(isoString: text).map { LocalDay(year: $0.year, month: $0.month, day: $0.day) }
    }

    /// The local day after `day` (a stored `YYYY-MM-DD`), when a daily attempt limit lifts.
    static func tomorrow(after day: String) -> CalendarDay {
        guard let date = CalendarDate(isoString: day)?.addingDays(1),
              let next = CalendarDay(year: date.year, month: date.month, day: date.day) else {
            return CalendarDay(year: 2100, month: 1, day: 1)!
        }
        return next
    }
}
