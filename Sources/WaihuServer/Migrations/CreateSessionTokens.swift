import Fluent

struct CreateSessionTokens: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SessionTokenRecord.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserRecord.schema, .id, onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("address", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SessionTokenRecord.schema).delete()
    }
}
