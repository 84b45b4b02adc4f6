import Foundation

/// One agent on one calendar day: the unit of attendance (出勤) and of per-day averages.
public struct AgentDay: Hashable, Sendable {
    public var agentID: String
    public var day: CalendarDay

    public init(agentID: String, day: CalendarDay) {
        self.agentID = agentID
        self.day = day
    }

    /// The days each agent logged in (出勤), in `timeZone`: the "present" side of attendance
    /// and the agent-days of per-day averages (日均首拨, 日均通话时长).
    public static func loggedIn(_ events: [AgentSessionEvent],
                                timeZone: TimeZone = EventTimestamp.exportTimeZone) -> Set<AgentDay> {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var days: Set<AgentDay> = []
        for event in events where event.kind == .login {
            let parts = calendar.dateComponents([.year, .month, .day], from: event.at)
            if let year = parts.year, let month = parts.month, let day = parts.day,
               let calendarDay = CalendarDay(year: year, month: month, day: day) {
                days.insert(AgentDay(agentID: event.agentID, day: calendarDay))
            }
        }
        return days
    }
}
