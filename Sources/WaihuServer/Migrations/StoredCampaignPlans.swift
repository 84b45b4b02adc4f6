import Foundation
import SQLKit

/// The campaign plans stored in `campaigns.plan`, for migrations that rewrite an old shape
/// of the JSON once: each plan `rewritten` changes (non-nil) is written back.
enum StoredCampaignPlans {
    private struct Row: Decodable {
        var id: Int
        var plan: String
    }

    static func rewrite(on sql: SQLDatabase, _ rewritten: (Data) throws -> Data?) async throws {
        let rows = try await sql.select().column("id").column("plan").from("campaigns").all(decoding: Row.self)
        for row in rows {
            guard let plan = try rewritten(Data(row.plan.utf8)) else { continue }
            try await sql.update("campaigns").set("plan", to: String(decoding: plan, as: UTF8.self))
                .where("id", .equal, row.id).run()
        }
    }
}
