import Fluent

/// 系统设置: one row per setting an admin has set (`SystemSettings`); a setting without a
/// row has its default.
struct CreateSystemSettings: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SystemSettings.table)
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .field("changed_by", .string, .required)
            .field("changed_at", .double, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SystemSettings.table).delete()
    }
}
