import Fluent

/// The hourly roll-ups (汇总表) of the two big event tables, kept by `EventStore.insert` in the
/// same transaction as the events (`EventRollup`).
///
/// A month of 100 agents is about two million state pieces and a million call attempts; the
/// same month rolled up by local hour is some hundred thousand rows, and every report sums
/// whole hours at least, so the sums read from the roll-up are the sums of the events.
/// Text keys hold "" where the event has no value (no agent, no campaign, no reason), because
/// a unique key treats NULLs as different and `ON CONFLICT` would then never match; the
/// reports' group keys already map NULL to "" (`ReportQuery.keyExpression`).
/// `simulated` is part of the key so that `EventStore.deleteSimulated` can delete roll-up
/// rows alongside the events.
extension EventTable {
    /// State time per hour, agent, campaign, state and not-ready reason.
    public static let hourlyAgentStates = EventTable(name: "ev_hourly_agent_states", columns: [
        column("local_day", .string, required: true),
        column("local_hour", .int, required: true),
        column("agent_id", .string, required: true),
        column("campaign_id", .string, required: true),
        column("state", .string, required: true),
        column("reason", .string, required: true),
        column("simulated", .bool, required: true),
        // SUM(seconds) of the pieces in the hour.
        column("seconds", .double, required: true),
        // How many intervals began in the hour (the pieces with `began`).
        column("began", .int64, required: true),
    ], indexes: [["local_day", "local_hour", "agent_id", "campaign_id", "state", "reason", "simulated"]])

    /// Call attempts per hour (of `placed_at`), agent, campaign, outcome and list.
    public static let hourlyCalls = EventTable(name: "ev_hourly_calls", columns: [
        column("local_day", .string, required: true),
        column("local_hour", .int, required: true),
        column("agent_id", .string, required: true),
        column("campaign_id", .string, required: true),
        column("outcome", .string, required: true),
        column("list_batch", .string, required: true),
        column("list_source", .string, required: true),
        column("simulated", .bool, required: true),
        column("calls", .int64, required: true),
        // Calls an agent talked on (agent set and talk_seconds > 0: 人工接通).
        column("connected", .int64, required: true),
        column("connected_talk", .double, required: true),
        column("talk_seconds", .double, required: true),
        column("playback_seconds", .double, required: true),
        // Calls with attempt_number 1 (首拨).
        column("first_dials", .int64, required: true),
        // Calls without an attempt number: whether they are a first dial depends on the lead's
        // whole history, so the reports read those from the events.
        column("unnumbered", .int64, required: true),
    ], indexes: [["local_day", "local_hour", "agent_id", "campaign_id", "outcome", "list_batch", "list_source", "simulated"]])

    /// The roll-ups; each one's first index is its unique key (the `ON CONFLICT` target).
    public static let rollups: [EventTable] = [hourlyAgentStates, hourlyCalls]

    /// The roll-up key: the columns before the sums.
    var rollupKey: [String] { indexes.first ?? [] }
    /// The summed columns.
    var rollupSums: [String] { columnNames.filter { !rollupKey.contains($0) } }
}
