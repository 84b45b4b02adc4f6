import Fluent
import SQLKit

/// `campaign_leads.last_outcome` now holds the one vocabulary of how a call ended
/// (`CallOutcome`, as the call-attempt events do) instead of the dialing rules' own words,
/// which are gone: the three that differed are rewritten.
struct StoreCallOutcomesOnCampaignLeads: AsyncMigration {
    static let renamed = [("live_answer", "answered"), ("network_failure", "failed"), ("vacant", "invalid")]

    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        for (old, new) in Self.renamed {
            try await sql.update("campaign_leads").set("last_outcome", to: new).where("last_outcome", .equal, old).run()
        }
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        for (old, new) in Self.renamed {
            try await sql.update("campaign_leads").set("last_outcome", to: old).where("last_outcome", .equal, new).run()
        }
    }
}
