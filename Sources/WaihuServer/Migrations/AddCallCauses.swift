import Fluent

/// Why each call ended, kept where its result is (issue 17): a campaign's lead keeps its last
/// call's cause and evidence and its run of 关机/无法接通 results (`UnreachableStreak`, which
/// makes the number invalid after the plan's count within its days); a call attempt event
/// keeps its cause, evidence and whether it settled the lead as invalid
/// (`EventTable.callProgress`). Existing rows have no cause and an empty streak.
struct AddCallCauses: AsyncMigration {
    func prepare(on database: Database) async throws {
        // One column per statement (a builder of its own each): SQLite adds columns one at a time.
        try await database.schema("campaign_leads").field("last_cause", .string).update()
        try await database.schema("campaign_leads").field("last_evidence", .string).update()
        try await database.schema("campaign_leads").field("unreachable_count", .int, .required, .sql(.default(0))).update()
        try await database.schema("campaign_leads").field("unreachable_since", .double).update()
        for column in EventTable.callProgress {
            try await database.schema(EventTable.callAttempts.name).field(.string(column.name), column.type).update()
        }
    }

    func revert(on database: Database) async throws {
        for column in EventTable.callProgress.reversed() {
            try await database.schema(EventTable.callAttempts.name).deleteField(.string(column.name)).update()
        }
        for column in ["unreachable_since", "unreachable_count", "last_evidence", "last_cause"] {
            try await database.schema("campaign_leads").deleteField(.string(column)).update()
        }
    }
}
