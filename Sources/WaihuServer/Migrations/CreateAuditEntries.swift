import Fluent
import SQLKit

struct CreateAuditEntries: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AuditEntryRecord.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("target", .string, .required)
            .field("detail", .string, .required)
            .field("address", .string, .required)
            .create()
        // Login throttling counts recent failures by action and time.
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "audit_entries_action_at").on(AuditEntryRecord.schema).column("action").column("at").run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(AuditEntryRecord.schema).delete()
    }
}
