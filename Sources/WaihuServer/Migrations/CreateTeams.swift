import Fluent

struct CreateTeams: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(TeamRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("leader_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(TeamRecord.schema).delete()
    }
}
