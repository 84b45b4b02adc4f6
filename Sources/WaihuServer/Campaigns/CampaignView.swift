import Foundation
import Vapor
import WaihuDomain

/// A campaign as the pages and the CLI show it: settings, progress and, when nothing can
/// be dialed, why (`LeadShortage`).
public struct CampaignView: Content {
    public struct Progress: Content {
        public var total: Int
        public var waiting: Int
        /// Waiting leads whose time has come (dialable unless the gate says otherwise).
        public var due: Int
        public var dialing: Int
        public var wrap_up: Int
        public var done: Int
        public var dialed_today: Int
        public var answered_today: Int
        public var abandoned_today: Int
        /// Abandoned ÷ answered today (the cap's measure), nil before the first answer.
        public var abandon_rate: Double?
        /// A survey campaign's (`CampaignPlan.surveyTarget`) questionnaires to complete, those
        /// completed so far (its success dispositions, all days) and 外呼问卷完成进度 in percent;
        /// all nil for a sales campaign.
        public var survey_target: Int? = nil
        public var survey_completed: Int? = nil
        public var survey_progress: Double? = nil
    }

    public struct Shortage: Content {
        public struct Reason: Content {
            public var reason: String
            public var label: String
            public var leads: Int
        }
        public var dialable: Int
        public var reasons: [Reason]
    }

    public var id: Int
    public var name: String
    public var mode: String
    public var status: String
    public var status_label: String
    public var trunk: String?
    public var caller_id: String?
    public var has_prompt: Bool
    public var prompt_seconds: Double?
    public var has_abandon_prompt: Bool
    public var batches: [String]
    public var teams: [String]
    public var plan: CampaignPlan
    public var created_by: String
    public var created_at: Date
    public var started_at: Date?
    public var finished_at: Date?
    public var progress: Progress
    public var shortage: Shortage
}
