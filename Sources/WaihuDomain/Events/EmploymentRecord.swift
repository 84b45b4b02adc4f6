import Foundation

/// An agent's employment (在职记录): hire and leave dates. JSON Lines type `employment`.
public struct EmploymentRecord: Codable, Equatable, Sendable {
    public var agentID: String
    public var name: String?
    public var skill: AgentSkill
    /// 入职日期
    public var hiredOn: CalendarDay
    /// 离职日期: the last day employed; nil while employed.
    public var leftOn: CalendarDay?
    public var teamID: String?

    public init(agentID: String, name: String? = nil, skill: AgentSkill, hiredOn: CalendarDay,
                leftOn: CalendarDay? = nil, teamID: String? = nil) {
        self.agentID = agentID
        self.name = name
        self.skill = skill
        self.hiredOn = hiredOn
        self.leftOn = leftOn
        self.teamID = teamID
    }

    /// Employed when `day` begins: hired on or before it and not yet gone. The leave date is
    /// the last day worked, so a leaver still counts at the start of that day.
    public func isEmployed(atStartOf day: CalendarDay) -> Bool {
        hiredOn <= day && (leftOn.map { day <= $0 } ?? true)
    }

    /// Employed when `day` is over: hired by then and not left on or before it.
    public func isEmployed(atEndOf day: CalendarDay) -> Bool {
        hiredOn <= day && (leftOn.map { day < $0 } ?? true)
    }

    enum CodingKeys: String, CodingKey {
        case agentID = "agent_id"
        case name
        case skill
        case hiredOn = "hired_on"
        case leftOn = "left_on"
        case teamID = "team_id"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        agentID = try c.decode(String.self, forKey: .agentID)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        skill = try c.decode(AgentSkill.self, forKey: .skill)
        hiredOn = try c.decode(CalendarDay.self, forKey: .hiredOn)
        leftOn = try c.decodeIfPresent(CalendarDay.self, forKey: .leftOn)
        teamID = try c.decodeIfPresent(String.self, forKey: .teamID)
        if let leftOn, leftOn < hiredOn {
            throw DecodingError.dataCorruptedError(forKey: .leftOn, in: c, debugDescription: "is before hired_on")
        }
    }
}
