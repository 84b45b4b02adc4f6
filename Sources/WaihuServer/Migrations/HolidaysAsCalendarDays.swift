import Fluent
import Foundation
import SQLKit
import WaihuDomain

/// A campaign plan's holidays are written `"2026-10-01"` like every other day
/// (`CalendarDay`); plans stored with `{"year":…,"month":…,"day":…}` are rewritten once
/// (`CampaignPlanLegacyHolidays`).
struct HolidaysAsCalendarDays: AsyncMigration {
    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await StoredCampaignPlans.rewrite(on: sql, CampaignPlanLegacyHolidays.rewritten)
    }

    /// Nothing to undo: an older waihu cannot read a holiday written as text, and going back
    /// means re-entering the holidays.
    func revert(on database: Database) async throws {}
}
