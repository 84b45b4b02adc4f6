import Foundation
import SQLKit
import WaihuDomain

/// The questionnaire targets of the survey campaigns (`CampaignPlan.surveyTarget`), for the
/// campaign report's 外呼问卷完成进度 and 外呼完成问卷率. A survey campaign's successes are its
/// completed questionnaires (正常完成问卷); a sales campaign has no target and its cells are
/// blank, since its successes are sales.
struct ReportSurveyTargets: Equatable {
    /// Campaign name (what events carry as `campaign_id`) → questionnaires to complete.
    var targets: [String: Int] = [:]

    /// The columns these targets answer, shown beside the success figures.
    static let columns: [ReportColumn] = [.kpi("survey_progress"), .kpi("survey_completion_rate")]

    /// The targets of every campaign whose plan sets one. A plan that no longer reads (the
    /// campaign page shows why) counts as a sales campaign here rather than failing the report.
    static func load(sql: SQLDatabase) async throws -> ReportSurveyTargets {
        struct Row: Decodable { var name: String; var plan: String }
        var targets: [String: Int] = [:]
        for row in try await sql.raw("SELECT name, plan FROM campaigns").all(decoding: Row.self) {
            guard let plan = try? JSONDecoder().decode(CampaignPlan.self, from: Data(row.plan.utf8)),
                  let target = plan.surveyTarget else { continue }
            targets[row.name] = target
        }
        return ReportSurveyTargets(targets: targets)
    }

    /// The two KPIs as ratios for one campaign's figures, nil for a sales campaign (or a row
    /// that is no campaign, such as events without one).
    func ratios(campaign: String, _ figures: ReportFigures) -> (progress: Ratio, rate: Ratio)? {
        guard let target = targets[campaign] else { return nil }
        let completed = Int(figures.successes)
        return (KPI.surveyProgress(completed: completed, target: target),
                KPI.surveyCompletionRate(completed: completed, connectedCalls: Int(figures.connected)))
    }

    /// The columns' values from the two ratios; both null without them.
    static func values(_ ratios: (progress: Ratio, rate: Ratio)?) -> [String: Double?] {
        ["survey_progress": ratios?.progress.percent, "survey_completion_rate": ratios?.rate.percent]
    }
}
