import Foundation

/// One scheduled shift of one agent (排班), or a day of leave. JSON Lines type `roster`.
public struct RosterEntry: Codable, Equatable, Sendable {
    public var agentID: String
    public var day: CalendarDay
    public var shiftStart: Date
    public var shiftEnd: Date
    /// Set when the agent is on leave that day (请假); the shift then does not count as scheduled.
    public var leave: LeaveType?

    public init(agentID: String, day: CalendarDay, shiftStart: Date, shiftEnd: Date, leave: LeaveType? = nil) {
        self.agentID = agentID
        self.day = day
        self.shiftStart = shiftStart
        self.shiftEnd = shiftEnd
        self.leave = leave
    }

    /// Seconds the agent is expected to work: the shift length, or 0 on leave.
    public var scheduledSeconds: TimeInterval {
        leave == nil ? shiftEnd.timeIntervalSince(shiftStart) : 0
    }

    enum CodingKeys: String, CodingKey {
        case agentID = "agent_id"
        case day
        case shiftStart = "shift_start"
        case shiftEnd = "shift_end"
        case leave
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        agentID = try c.decode(String.self, forKey: .agentID)
        day = try c.decode(CalendarDay.self, forKey: .day)
        shiftStart = try c.decode(Date.self, forKey: .shiftStart)
        shiftEnd = try c.decode(Date.self, forKey: .shiftEnd)
        leave = try c.decodeIfPresent(LeaveType.self, forKey: .leave)
        guard shiftEnd > shiftStart else {
            throw DecodingError.dataCorruptedError(forKey: .shiftEnd, in: c, debugDescription: "is not after shift_start")
        }
    }
}
