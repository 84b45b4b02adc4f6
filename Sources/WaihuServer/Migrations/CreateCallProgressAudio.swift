import Fluent

/// The audio heard on a campaign call whose cause was a recording nobody had taught waihu
/// (`announcement_unknown`): where its WAV is, with the call's cause and evidence, so that a
/// list manager can listen to it and teach the announcement (the unknown-announcement inbox
/// reads this table). One row per call.
struct CreateCallProgressAudio: AsyncMigration {
    static let table = "call_progress_audio"

    func prepare(on database: Database) async throws {
        try await database.schema(Self.table)
            .field("call_id", .string, .identifier(auto: false))
            .field("campaign_id", .int, .required)
            .field("lead_id", .int, .required)
            .field("path", .string, .required)
            .field("cause", .string, .required)
            .field("evidence", .string)
            .field("recorded_at", .double, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Self.table).delete()
    }
}
