import Fluent
import SQLKit

/// 提示音: the carrier announcements a list manager taught waihu (issue 17). A row keeps
/// the audio fingerprint, never the recording, so nothing stored here can be played back.
///
/// Rows are never deleted: removing an announcement erases its fingerprint and stamps
/// `removed_at`, so ids are never reused (SQLite would hand a deleted last id out again)
/// and `count(*) + count(removed_at)` grows with every change, which is how a running
/// server notices what another process (the CLI) changed.
struct CreateAnnouncements: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AnnouncementRecord.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("label", .string, .required)
            .field("carrier", .string)
            .field("name", .string, .required)
            .field("fingerprint", .data)
            .field("duration_seconds", .double, .required)
            .field("source", .string, .required)
            .field("source_call_id", .string)
            .field("created_by", .string, .required)
            .field("created_at", .double, .required)
            .field("removed_by", .string)
            .field("removed_at", .double)
            .create()
        if let sql = database as? SQLDatabase {
            // The unknown-announcement inbox leaves out the calls already taught.
            try await sql.create(index: "announcements_source_call").on(AnnouncementRecord.schema).column("source_call_id").run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(AnnouncementRecord.schema).delete()
    }
}
