import Fluent
import Foundation
import SQLKit
import WaihuDomain

/// The campaign plan's JSON is snake_case at every level and refuses unknown keys, so plans
/// stored with camelCase keys inside (`gate.window.opensAtMinute`) are rewritten once
/// (`CampaignPlanLegacyKeys`). See docs/decisions/0003-campaign-plan-snake-case.md.
struct SnakeCaseCampaignPlans: AsyncMigration {
    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await StoredCampaignPlans.rewrite(on: sql, CampaignPlanLegacyKeys.rewritten)
    }

    /// Nothing to undo: an older waihu read snake_case keys inside the plan as unknown and
    /// ignored them, so going back means re-entering those settings.
    func revert(on database: Database) async throws {}
}
