import Foundation
import Vapor
import WaihuDomain

/// A campaign as the pages and the CLI show it: settings, progress and, when nothing can
/// be dialed, why (`LeadShortage`).
struct CampaignView: Content {
    struct Progress: Content {
        var total: Int
        var waiting: Int
        /// Waiting leads whose time has come (dialable unless the gate says otherwise).
        var due: Int
        var dialing: Int
        var wrap_up: Int
        var done: Int
        var dialed_today: Int
        var answered_today: Int
        var abandoned_today: Int
        /// Abandoned ÷ answered today (the cap's measure), nil before the first answer.
        var abandon_rate: Double?
    }

    struct Shortage: Content {
        struct Reason: Content {
            var reason: String
            var label: String
            var leads: Int
        }
        var dialable: Int
        var reasons: [Reason]
    }

    var id: Int
    var name: String
    var mode: String
    var status: String
    var status_label: String
    var trunk: String?
    var caller_id: String?
    var has_prompt: Bool
    var prompt_seconds: Double?
    var has_abandon_prompt: Bool
    var batches: [String]
    var teams: [String]
    var plan: CampaignPlan
    var created_by: String
    var created_at: Date
    var started_at: Date?
    var finished_at: Date?
    var progress: Progress
    var shortage: Shortage
}
