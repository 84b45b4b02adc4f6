import Fluent
import SQLKit

/// Campaigns (外呼任务), their batches and teams, the state of each lead in each campaign,
/// and the recordings of campaign calls (issue 8). Times are seconds since 1970 (`double`)
/// like the event tables, so the dialer's "due now" test is a plain comparison on both
/// databases.
struct CreateCampaignTables: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CampaignRecord.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("name", .string, .required)
            .field("mode", .string, .required)
            .field("status", .string, .required)
            .field("plan", .string, .required)
            .field("trunk", .string)
            .field("caller_id", .string)
            .field("prompt", .string)
            .field("prompt_seconds", .double)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .unique(on: "name")
            .create()
        try await database.schema("campaign_batches")
            .field(.id, .int64, .identifier(auto: true))
            .field("campaign_id", .int64, .required, .references(CampaignRecord.schema, .id, onDelete: .cascade))
            .field("batch_id", .int64, .required, .references(BatchRecord.schema, .id))
            .unique(on: "campaign_id", "batch_id")
            .create()
        try await database.schema("campaign_teams")
            .field(.id, .int64, .identifier(auto: true))
            .field("campaign_id", .int64, .required, .references(CampaignRecord.schema, .id, onDelete: .cascade))
            .field("team_id", .uuid, .required, .references(TeamRecord.schema, .id, onDelete: .cascade))
            .unique(on: "campaign_id", "team_id")
            .create()
        try await database.schema("campaign_leads")
            .field(.id, .int64, .identifier(auto: true))
            .field("campaign_id", .int64, .required, .references(CampaignRecord.schema, .id, onDelete: .cascade))
            .field("lead_id", .int64, .required, .references(LeadRecord.schema, .id, onDelete: .cascade))
            .field("state", .string, .required)
            .field("done_reason", .string)
            .field("attempts", .int, .required)
            .field("attempts_today", .int, .required)
            .field("attempts_day", .string)
            .field("last_outcome", .string)
            .field("last_attempt_at", .double)
            .field("next_dial_at", .double)
            .field("call_id", .string)
            .field("claimed_at", .double)
            .field("claimed_by", .string)
            .field("agent_id", .string)
            .field("callback_agent", .string)
            .field("listened_seconds", .double)
            .unique(on: "campaign_id", "lead_id")
            .create()
        try await database.schema("call_recordings")
            .field(.id, .int64, .identifier(auto: true))
            .field("call_id", .string, .required)
            .field("campaign_id", .int64, .required)
            .field("lead_id", .int64, .required)
            .field("agent_id", .string)
            .field("path", .string, .required)
            .field("started_at", .double, .required)
            .unique(on: "call_id")
            .create()
        if let sql = database as? SQLDatabase {
            // The dialer's question, many times a second: which leads of this campaign are due.
            try await sql.create(index: "campaign_leads_due").on("campaign_leads")
                .column("campaign_id").column("state").column("next_dial_at").run()
            try await sql.create(index: "campaign_leads_call").on("campaign_leads").column("call_id").run()
            try await sql.create(index: "campaign_leads_lead").on("campaign_leads").column("lead_id").run()
            try await sql.create(index: "call_recordings_lead").on("call_recordings").column("lead_id").run()
        }
    }

    func revert(on database: Database) async throws {
        for schema in ["call_recordings", "campaign_leads", "campaign_teams", "campaign_batches", CampaignRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
