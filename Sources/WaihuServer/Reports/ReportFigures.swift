import WaihuDomain

/// The sums and counts of one report row, as SQL returns them; the KPIs are computed from
/// these by the WaihuDomain functions (`ReportKPIs`).
public struct ReportFigures: Sendable, Equatable {
    // agent_state (seconds, counts)
    public var loggedIn = 0.0, talk = 0.0, wrapUp = 0.0, notReady = 0.0, idle = 0.0
    public var internalCall = 0.0, helpRequest = 0.0
    /// Time spent calling (`CallingTimeRule`), the hours of 每小时呼叫次数.
    public var calling = 0.0
    public var notReadyCount = 0.0, helpRequestCount = 0.0
    /// 示忙时长 by reason (an interval without one counts as `AgentTimeBreakdown.reasonCounted(nil)`).
    public var notReadyByReason = FigureSplit<NotReadyReason>()
    // agent_session
    public var logins = 0.0, agentDays = 0.0
    /// Distinct seats agents logged in at (座席数).
    public var seats = 0.0
    // call_attempt
    public var callsPlaced = 0.0, answered = 0.0, abandoned = 0.0, connected = 0.0, connectedTalk = 0.0
    public var leadsDialled = 0.0, invalidLeads = 0.0, firstDials = 0.0, playback = 0.0
    /// 无效数据总量 by cause (`InvalidLeadRule.invalidLeadsByCause`).
    public var invalidLeadsByCause = FigureSplit<InvalidLeadCause>()
    /// Agents who handled at least one connected call (the agents of 人均呼出通话量).
    public var agentsWithCalls = 0.0
    // disposition
    public var dispositions = 0.0, successes = 0.0, contactedLeads = 0.0
    // sale
    public var policies = 0.0, premiumFen = 0.0, cancelledPremiumFen = 0.0, policiesWithErrors = 0.0, cancelled = 0.0
    // qa_result
    public var inspected = 0.0, passed = 0.0, excellent = 0.0
    // complaint, violation
    public var complaints = 0.0, outboundComplaints = 0.0, complaintCases = 0.0, violations = 0.0
    // sms_reply (latest reply per number)
    public var smsParticipants = 0.0, smsSatisfied = 0.0
    // roster
    public var scheduledDays = 0.0, presentDays = 0.0, scheduledSeconds = 0.0
    // employment
    public var agentsAtStart = 0.0, agentsAtEnd = 0.0, leavers = 0.0
    /// 客户代表数 by skill, employed on the period's last day.
    public var agentsBySkill = FigureSplit<AgentSkill>()

    public init() {}

    /// Whether any event fed this row (rows with nothing are left out of a report).
    public var isEmpty: Bool { self == ReportFigures() }
}
