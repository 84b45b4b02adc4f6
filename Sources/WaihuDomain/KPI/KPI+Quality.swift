/// kpi.md §4 质量监控.
extension KPI {
    /// 短信满意率: satisfied replies / customers who replied to the post-call SMS survey.
    public static func smsSatisfaction(satisfied: Int, participants: Int) -> Ratio {
        Ratio(satisfied, over: participants)
    }

    /// 短信满意率 from replies. A customer who replied twice counts once, by their latest
    /// reply, so one annoyed customer cannot vote twice.
    public static func smsSatisfaction(_ replies: [SMSSatisfactionReply]) -> Ratio {
        var latest: [String: SMSSatisfactionReply] = [:]
        for reply in replies where latest[reply.number].map({ $0.at <= reply.at }) ?? true {
            latest[reply.number] = reply
        }
        let satisfied = latest.values.filter { $0.rating == .satisfied }.count
        return smsSatisfaction(satisfied: satisfied, participants: latest.count)
    }

    /// 外呼投诉率: complaints caused by outbound calls / agent connected calls.
    public static func complaintRate(outboundComplaints: Int, connectedCalls: Int) -> Ratio {
        Ratio(outboundComplaints, over: connectedCalls)
    }

    /// 外呼投诉量: complaints caused by outbound calls.
    public static func outboundComplaints(_ complaints: [ComplaintRecord]) -> Int {
        complaints.filter(\.causedByOutbound).count
    }

    /// 投诉案件: complaints confirmed as the agent's fault.
    public static func complaintCases(_ complaints: [ComplaintRecord]) -> Int {
        complaints.filter { $0.agentAtFault == true }.count
    }

    /// 外呼质检优秀率: recordings rated excellent / recordings inspected.
    public static func qaExcellentRate(excellent: Int, inspected: Int) -> Ratio {
        Ratio(excellent, over: inspected)
    }

    /// 外呼质检优秀率 from QA results.
    public static func qaExcellentRate(_ results: [QAResultRecord]) -> Ratio {
        qaExcellentRate(excellent: results.filter(\.excellent).count, inspected: results.count)
    }

    /// 质检合格率: recordings passed / recordings inspected.
    public static func qaPassRate(passed: Int, inspected: Int) -> Ratio {
        Ratio(passed, over: inspected)
    }

    /// 质检合格率 from QA results.
    public static func qaPassRate(_ results: [QAResultRecord]) -> Ratio {
        qaPassRate(passed: results.filter(\.passed).count, inspected: results.count)
    }

    /// 违规违纪记录: recorded violations, optionally of one agent.
    public static func violationCount(_ violations: [ViolationRecord], agentID: String? = nil) -> Int {
        violations.filter { agentID == nil || $0.agentID == agentID }.count
    }
}
