import Fluent

struct CreatePhones: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PhoneRecord.schema)
            .id()
            .field("extension", .string, .required)
            .field("password", .string, .required)
            .field("agent_id", .uuid, .references(UserRecord.schema, .id, onDelete: .setNull))
            .field("contact", .string)
            .field("source", .string)
            .field("expires_at", .datetime)
            .field("user_agent", .string)
            .field("created_at", .datetime)
            .unique(on: "extension")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(PhoneRecord.schema).delete()
    }
}
