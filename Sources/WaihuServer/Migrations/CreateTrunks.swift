import Fluent

struct CreateTrunks: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(TrunkRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("host", .string, .required)
            .field("port", .int, .required)
            .field("username", .string)
            .field("password", .string)
            .field("caller_id", .string, .required)
            .field("max_concurrent", .int, .required)
            .field("max_cps", .int, .required)
            .field("ring_timeout", .int, .required)
            .field("enabled", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "name")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(TrunkRecord.schema).delete()
    }
}
