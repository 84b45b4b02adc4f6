import Fluent
import Foundation
import SQLKit
import WaihuDomain

/// The campaign plan's JSON is snake_case at every level and refuses unknown keys, so plans
/// stored with camelCase keys inside (`gate.window.opensAtMinute`) are rewritten once
/// (`CampaignPlanLegacyKeys`). See docs/decisions/0003-campaign-plan-snake-case.md.
struct SnakeCaseCampaignPlans: AsyncMigration {
    private struct Row: Decodable {
        var id: Int
        var plan: String
    }

    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        let rows = try await sql.select().column("id").column("plan").from("campaigns").all(decoding: Row.self)
        for row in rows {
            guard let rewritten = try CampaignPlanLegacyKeys.rewritten(Data(row.plan.utf8)) else { continue }
            try await sql.update("campaigns").set("plan", to: String(decoding: rewritten, as: UTF8.self))
                .where("id", .equal, row.id).run()
        }
    }

    /// Nothing to undo: an older waihu read snake_case keys inside the plan as unknown and
    /// ignored them, so going back means re-entering those settings.
    func revert(on database: Database) async throws {}
}
