import Fluent
import Foundation
import SQLKit
import WaihuDomain

/// A campaign plan's holidays are written `"2026-10-01"` like every other day
/// (`CalendarDay`); plans stored with `{"year":…,"month":…,"day":…}` are rewritten once
/// (`CampaignPlanLegacyHolidays`).
struct HolidaysAsCalendarDays: AsyncMigration {
    private struct Row: Decodable {
        var id: Int
        var plan: String
    }

    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        let rows = try await sql.select().column("id").column("plan").from("campaigns").all(decoding: Row.self)
        for row in rows {
            guard let rewritten = try CampaignPlanLegacyHolidays.rewritten(Data(row.plan.utf8)) else { continue }
            try await sql.update("campaigns").set("plan", to: String(decoding: rewritten, as: UTF8.self))
                .where("id", .equal, row.id).run()
        }
    }

    /// Nothing to undo: an older waihu cannot read a holiday written as text, and going back
    /// means re-entering the holidays.
    func revert(on database: Database) async throws {}
}
