/// One agent on one calendar day: the unit of attendance (出勤) and of per-day averages.
public struct AgentDay: Hashable, Sendable {
    public var agentID: String
    public var day: CalendarDay

    public init(agentID: String, day: CalendarDay) {
        self.agentID = agentID
        self.day = day
    }
}
