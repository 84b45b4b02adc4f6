/// What a report's rows are: `group_by=agent|team|campaign|batch|source|hour|day`, or `all`
/// for the one total row.
public enum ReportGroup: String, CaseIterable, Sendable, Codable {
    case agent, team, campaign, batch, source, hour, day, all

    /// The groups a user may ask for (`all` is the total row every report carries).
    public static let requestable: [ReportGroup] = [.agent, .team, .campaign, .batch, .source, .hour, .day]

    /// Column title of the group key.
    public var title: String {
        switch self {
        case .agent: return "座席 agent"
        case .team: return "班组 team"
        case .campaign: return "外呼任务 campaign"
        case .batch: return "名单批次 batch"
        case .source: return "名单来源 source"
        case .hour: return "时段 hour"
        case .day: return "日期 day"
        case .all: return "合计 total"
        }
    }
}
