import WaihuDomain

/// The reports waihu offers (`GET /api/v1/reports`), each a table of rows per group.
public enum ReportKind: String, CaseIterable, Sendable, Codable {
    /// Every KPI per agent.
    case agent
    /// Every KPI per team (班组).
    case team
    /// Every KPI per campaign (外呼任务).
    case campaign
    /// Every KPI, grouped as asked.
    case kpi
    /// 每小时呼叫次数 curve: calls and time spent calling per clock hour.
    case hourly
    /// Daily trend of the main figures.
    case daily
    /// 失败原因分析: unsuccessful dispositions by code.
    case failureReasons = "failure_reasons"
    /// §5 rankings: efficiency, handle time × calls per hour, 成功值.
    case rankings
    /// List quality per source (or batch): to judge which source to buy.
    case listQuality = "list_quality"
    /// kpi.md §7 weekly report to the client, per day and in total.
    case weekly

    public var title: String {
        switch self {
        case .agent: return "座席指标 Agent KPIs"
        case .team: return "班组指标 Team KPIs"
        case .campaign: return "外呼任务指标 Campaign KPIs"
        case .kpi: return "指标 KPIs"
        case .hourly: return "每小时呼叫次数 Calls per hour"
        case .daily: return "每日趋势 Daily trend"
        case .failureReasons: return "失败原因分析 Failure reasons"
        case .rankings: return "座席排名 Agent rankings"
        case .listQuality: return "名单质量 List quality"
        case .weekly: return "客户周报 Weekly client report"
        }
    }

    /// The grouping when `group_by` is not given.
    public var defaultGroup: ReportGroup {
        switch self {
        case .agent, .kpi, .rankings: return .agent
        case .team: return .team
        case .campaign, .failureReasons: return .campaign
        case .hourly: return .hour
        case .daily, .weekly: return .day
        case .listQuality: return .source
        }
    }

    /// The groupings a report accepts.
    public var groups: [ReportGroup] {
        switch self {
        case .rankings: return [.agent]
        case .hourly: return [.hour]
        case .daily: return [.day]
        case .listQuality: return [.source, .batch]
        // One distribution for the whole period and scope; split per group it would be a cube.
        case .failureReasons: return [.campaign]
        default: return ReportGroup.requestable
        }
    }

    /// The kind of chart the page draws, if any.
    public var chart: ReportChartKind? {
        switch self {
        case .hourly, .daily, .weekly: return .line
        case .rankings, .failureReasons, .listQuality: return .bars
        default: return .bars
        }
    }

    /// The column a chart plots.
    public var chartColumn: String {
        switch self {
        case .hourly: return "calls_per_hour"
        case .daily, .weekly: return "calls_placed"
        case .failureReasons: return "count"
        case .rankings: return "success_value"
        case .listQuality: return "invalid_rate"
        default: return "agent_connected_calls"
        }
    }

    public var columns: [ReportColumn] {
        func pick(_ ids: [String]) -> [ReportColumn] {
            ids.compactMap { id in ReportKPIs.columns.first { $0.id == id } }
        }
        switch self {
        case .agent, .team, .kpi:
            return ReportKPIs.columns
        case .campaign:
            // A survey campaign's questionnaire progress beside the success figures
            // (`ReportSurveyTargets`); only a campaign has a target.
            return ReportKPIs.columns.flatMap { column -> [ReportColumn] in
                switch column.id {
                case "net_success_rate": return [column] + ReportSurveyTargets.columns
                case "invalid_rate": return [column] + ReportKPIs.invalidByCauseColumns
                default: return [column]
                }
            }
        case .hourly:
            return pick(["calls_placed", "agent_connected_calls", "logged_in_time", "calling_time", "calls_per_hour",
                         "calls_per_logged_in_hour", "talk_time"])
        case .daily:
            return pick(["calls_placed", "agent_connected_calls", "talk_time", "work_time_efficiency", "contact_rate",
                         "online_success_count", "online_success_rate", "premium"])
        case .listQuality:
            return [.kpi("list_data_total"), .kpi("valid_number_rate")]
                + pick(["leads_dialled", "calls_placed", "invalid_data_total", "invalid_rate"]) + ReportKPIs.invalidByCauseColumns
                + pick(["contact_rate", "lead_contact_rate", "online_success_count", "net_success_rate"])
                + [.kpi("cost_per_lead"), .kpi("cost_per_success")]
        case .weekly:
            return [.figure("calls_placed", "总呼叫量", "total calls", .count),
                    .figure("answered", "接通量", "answered", .count),
                    .figure("connection_rate", "接通率", "connection rate", .percent),
                    .figure("valid_rate", "有效率", "valid rate", .percent)]
                + pick(["agent_connected_calls", "online_success_count", "online_success_rate"])
                + [.figure("complaints", "投诉量", "complaints", .count), .kpi("complaint_cases"),
                   .figure("sms_replies", "短信回复数", "SMS replies", .count), .kpi("sms_satisfaction")]
        case .rankings:
            return [.figure("efficiency_rank", "工时效率+空闲率+示忙率 名次", "efficiency rank", .count),
                    .figure("handle_time_rank", "项目呼出均长+每小时呼叫次数 名次", "handle time rank", .count),
                    .figure("success_value_rank", "成功值 名次", "success value rank", .count),
                    .kpi("success_value")]
                + pick(["work_time_efficiency", "idle_rate", "not_ready_rate", "average_handle_time", "calls_per_hour",
                        "online_success_count", "online_success_rate"])
        case .failureReasons:
            return [.figure("count", "数量", "count", .count), .figure("share", "占比", "share", .percent)]
        }
    }
}

/// How a report is drawn.
public enum ReportChartKind: String, Sendable, Codable {
    case line, bars
}
