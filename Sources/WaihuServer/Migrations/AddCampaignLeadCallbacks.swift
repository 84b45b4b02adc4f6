import Fluent

/// A callback's own time on a campaign's lead (`callback_at`), so the queue can offer due
/// callbacks first and tell them from retries, and a list source's dialing priority
/// (`lead_sources.priority`, smaller first) for the plan's `source_priority` ordering.
struct AddCampaignLeadCallbacks: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("campaign_leads").field("callback_at", .double).update()
        try await database.schema(SourceRecord.schema).field("priority", .int).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("campaign_leads").deleteField("callback_at").update()
        try await database.schema(SourceRecord.schema).deleteField("priority").update()
    }
}
