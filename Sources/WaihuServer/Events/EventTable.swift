import Fluent

/// One database table of stored events: its name and columns, in insert order.
///
/// Described once, so that the migration, the batched importer and the report queries
/// cannot disagree on a column. Times are stored as seconds since 1970 (`double`), the same
/// on SQLite and PostgreSQL, so durations are plain arithmetic in SQL; every table of timed
/// events also stores the local day (`YYYY-MM-DD`) and hour (0–23) of the event in the
/// center's zone, so that reports group by day or hour with an indexed GROUP BY.
public struct EventTable: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var type: DatabaseSchema.DataType
        public var required: Bool
        /// Added to an existing table by a later migration, which creates it on every database
        /// (`CreateEventTables` leaves it out, so the two never both add it).
        public var addedLater = false
    }

    public var name: String
    public var columns: [Column]
    /// Column lists of the indexes: what the reports filter and group on.
    public var indexes: [[String]]

    public var columnNames: [String] { columns.map(\.name) }

    static func column(_ name: String, _ type: DatabaseSchema.DataType, required: Bool = false, addedLater: Bool = false) -> Column {
        Column(name: name, type: type, required: required, addedLater: addedLater)
    }
}

extension EventTable {
    private static let localTime: [Column] = [
        column("local_day", .string, required: true),
        column("local_hour", .int, required: true),
        column("simulated", .bool, required: true),
    ]

    public static let callAttempts = EventTable(name: "ev_call_attempts", columns: [
        column("call_id", .string, required: true),
        column("lead_id", .string, required: true),
        column("campaign_id", .string, required: true),
        column("number", .string, required: true),
        column("placed_at", .double, required: true),
        column("ringing_at", .double),
        column("answered_at", .double),
        column("ended_at", .double, required: true),
        column("outcome", .string, required: true),
        column("agent_id", .string),
        column("talk_seconds", .double, required: true),
        column("playback_seconds", .double, required: true),
        column("digits", .string),
        column("attempt_number", .int),
        column("list_batch", .string),
        column("list_source", .string),
    ] + localTime + callProgress, indexes: [["local_day", "agent_id"], ["local_day", "campaign_id"], ["local_day", "local_hour"], ["lead_id"], ["call_id"]])

    /// The call's cause, evidence and whether it settled its lead as invalid (issue 17),
    /// added by `AddCallCauses`.
    static let callProgress: [Column] = [
        column("cause", .string, addedLater: true),
        column("evidence", .string, addedLater: true),
        column("found_invalid", .bool, addedLater: true),
    ]

    public static let agentSessions = EventTable(name: "ev_agent_sessions", columns: [
        column("agent_id", .string, required: true),
        column("kind", .string, required: true),
        column("at", .double, required: true),
        column("seat_id", .string),
    ] + localTime, indexes: [["local_day", "agent_id"]])

    /// State intervals are stored split at every local hour boundary, so that a day's or an
    /// hour's time is a plain SUM of `seconds` (the clipping of `AgentTimeBreakdown`);
    /// `began` marks the piece where the interval started, for the counts (示忙次数).
    public static let agentStates = EventTable(name: "ev_agent_states", columns: [
        column("agent_id", .string, required: true),
        column("state", .string, required: true),
        column("reason", .string),
        column("start_at", .double, required: true),
        column("end_at", .double, required: true),
        column("seconds", .double, required: true),
        column("began", .bool, required: true),
        column("campaign_id", .string),
    ] + localTime, indexes: [
        // Covering the agent and team reports: their sums read the index alone.
        ["local_day", "agent_id", "state", "seconds", "began"],
        ["local_day", "local_hour"],
    ])

    public static let dispositions = EventTable(name: "ev_dispositions", columns: [
        column("lead_id", .string, required: true),
        column("campaign_id", .string, required: true),
        column("call_id", .string),
        column("agent_id", .string),
        column("code", .string, required: true),
        column("category", .string, required: true),
        column("at", .double, required: true),
        column("note", .string),
    ] + localTime, indexes: [["local_day", "agent_id"], ["local_day", "campaign_id"]])

    public static let sales = EventTable(name: "ev_sales", columns: [
        column("sale_id", .string, required: true),
        column("lead_id", .string, required: true),
        column("campaign_id", .string, required: true),
        column("agent_id", .string, required: true),
        column("call_id", .string),
        column("product", .string, required: true),
        // Fen (分) as a whole number: sums of premiums stay exact.
        column("premium_fen", .int64, required: true),
        column("sold_at", .double, required: true),
        column("entry_errors", .int, required: true),
        column("cancelled_at", .double),
    ] + localTime, indexes: [["local_day", "agent_id"]])

    public static let qaResults = EventTable(name: "ev_qa_results", columns: [
        column("call_id", .string, required: true),
        column("agent_id", .string, required: true),
        column("inspector_id", .string),
        column("score", .double, required: true),
        column("passed", .bool, required: true),
        column("excellent", .bool, required: true),
        column("at", .double, required: true),
    ] + localTime, indexes: [["local_day", "agent_id"]])

    public static let complaints = EventTable(name: "ev_complaints", columns: [
        column("complaint_id", .string, required: true),
        column("at", .double, required: true),
        column("lead_id", .string),
        column("call_id", .string),
        column("campaign_id", .string),
        column("agent_id", .string),
        column("caused_by_outbound", .bool, required: true),
        column("agent_at_fault", .bool),
        column("summary", .string),
    ] + localTime, indexes: [["local_day", "agent_id"]])

    public static let violations = EventTable(name: "ev_violations", columns: [
        column("agent_id", .string, required: true),
        column("at", .double, required: true),
        column("kind", .string, required: true),
        column("note", .string),
    ] + localTime, indexes: [["local_day", "agent_id"]])

    /// A roster day's `local_day` is its calendar day; `local_hour` the shift's start hour.
    public static let rosters = EventTable(name: "ev_rosters", columns: [
        column("agent_id", .string, required: true),
        column("shift_start", .double, required: true),
        column("shift_end", .double, required: true),
        column("leave", .string),
        column("scheduled_seconds", .double, required: true),
    ] + localTime, indexes: [["local_day", "agent_id"]])

    /// Employment is not timed: `hired_on`/`left_on` are days. The latest record of an agent
    /// also names the agent's team (`ev_agent_teams`).
    public static let employment = EventTable(name: "ev_employment", columns: [
        column("agent_id", .string, required: true),
        column("name", .string),
        column("skill", .string, required: true),
        column("hired_on", .string, required: true),
        column("left_on", .string),
        column("team_id", .string),
        column("simulated", .bool, required: true),
    ], indexes: [["agent_id"]])

    public static let smsReplies = EventTable(name: "ev_sms_replies", columns: [
        column("number", .string, required: true),
        column("at", .double, required: true),
        column("rating", .string, required: true),
        column("call_id", .string),
        column("lead_id", .string),
        column("agent_id", .string),
        column("campaign_id", .string),
        column("text", .string),
    ] + localTime, indexes: [["local_day", "agent_id"], ["number"]])

    /// Which team an agent is in, for group_by=team and a supervisor's scope: one row per
    /// agent, from the agent's latest employment record with a team.
    public static let agentTeams = EventTable(name: "ev_agent_teams", columns: [
        column("agent_id", .string, required: true),
        column("team_id", .string, required: true),
    ], indexes: [])

    public static let all: [EventTable] = [
        callAttempts, agentSessions, agentStates, dispositions, sales, qaResults,
        complaints, violations, rosters, employment, smsReplies, agentTeams,
    ]
}
