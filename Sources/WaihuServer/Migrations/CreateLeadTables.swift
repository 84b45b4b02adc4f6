import Fluent
import SQLKit

/// Sources, batches, leads, their edit history and the do-not-call list (issue 4).
/// Ids are 64-bit integers: a lead table reaches millions of rows, and integer keys keep
/// its indexes small. Dates of the calendar (renewal, expiry) are `YYYY-MM-DD` text, which
/// sorts and compares the same way on SQLite and PostgreSQL.
struct CreateLeadTables: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SourceRecord.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("name", .string, .required)
            .field("default_price", .double, .required)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()
        try await database.schema(BatchRecord.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("name", .string, .required)
            .field("source_id", .int64, .required, .references(SourceRecord.schema, .id))
            .field("cost_per_lead", .double, .required)
            .field("imported_at", .datetime, .required)
            .field("imported_by", .string, .required)
            .field("rows", .int64, .required)
            .field("imported", .int64, .required)
            .field("invalid_phone", .int64, .required)
            .field("duplicate", .int64, .required)
            .field("dnc", .int64, .required)
            .unique(on: "name")
            .create()
        try await database.schema(BatchTeamRecord.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("batch_id", .int64, .required, .references(BatchRecord.schema, .id, onDelete: .cascade))
            .field("team_id", .uuid, .required, .references(TeamRecord.schema, .id, onDelete: .cascade))
            .unique(on: "batch_id", "team_id")
            .create()
        try await database.schema(LeadRecord.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("phone_key", .string, .required)
            .field("phone", .string, .required)
            .field("extension", .string)
            .field("name", .string)
            .field("plate", .string)
            .field("car_model", .string)
            .field("vin", .string)
            .field("engine_number", .string)
            .field("expiry_date", .string)
            .field("compulsory_expiry_date", .string)
            .field("first_registration_date", .string)
            .field("renewal_date", .string)
            .field("extras", .string, .required)
            .field("batch_id", .int64, .required, .references(BatchRecord.schema, .id))
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "phone_key")
            .create()
        try await database.schema(LeadHistoryRecord.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("lead_id", .int64, .required, .references(LeadRecord.schema, .id, onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("field", .string, .required)
            .field("old_value", .string)
            .field("new_value", .string)
            .create()
        try await database.schema(DoNotCallRecord.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("phone_key", .string, .required)
            .field("reason", .string, .required)
            .field("until", .string)
            .field("added_by", .string, .required)
            .field("added_at", .datetime, .required)
            .unique(on: "phone_key")
            .create()
        if let sql = database as? SQLDatabase {
            // Leads are listed and counted per batch. Name and plate are searched with
            // "contains", which no B-tree index serves, so they get none: an index would only
            // slow down imports.
            try await sql.create(index: "leads_batch_id").on(LeadRecord.schema).column("batch_id").run()
            try await sql.create(index: "lead_history_lead_id").on(LeadHistoryRecord.schema).column("lead_id").run()
        }
    }

    func revert(on database: Database) async throws {
        for schema in [DoNotCallRecord.schema, LeadHistoryRecord.schema, LeadRecord.schema, BatchTeamRecord.schema,
                       BatchRecord.schema, SourceRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
