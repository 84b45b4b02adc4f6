import Foundation

/// One login-to-logout stretch of one agent (签入到签出), paired from `AgentSessionEvent`s.
public struct AgentSession: Equatable, Sendable {
    public var agentID: String
    public var login: Date
    /// nil while the agent is still logged in.
    public var logout: Date?

    public init(agentID: String, login: Date, logout: Date? = nil) {
        self.agentID = agentID
        self.login = login
        self.logout = logout
    }

    /// Pairs logins with logouts, per agent, in time order.
    ///
    /// Source systems lose events, so: a login while a session is open closes that session at
    /// the new login (the logout was lost, and counting the overlap twice would inflate
    /// logged-in time); a logout with no open session is ignored.
    public static func pair(_ events: [AgentSessionEvent]) -> [AgentSession] {
        var open: [String: Date] = [:]
        var sessions: [AgentSession] = []
        let ordered = events.enumerated().sorted {
            ($0.element.at, $0.offset) < ($1.element.at, $1.offset)
        }.map(\.element)
        for event in ordered {
            switch event.kind {
            case .login:
                if let start = open[event.agentID] {
                    sessions.append(AgentSession(agentID: event.agentID, login: start, logout: event.at))
                }
                open[event.agentID] = event.at
            case .logout:
                if let start = open.removeValue(forKey: event.agentID) {
                    sessions.append(AgentSession(agentID: event.agentID, login: start, logout: event.at))
                }
            }
        }
        for (agentID, start) in open {
            sessions.append(AgentSession(agentID: agentID, login: start, logout: nil))
        }
        return sessions.sorted { ($0.login, $0.agentID) < ($1.login, $1.agentID) }
    }

    /// 签入系统时长 inside `period`; an open session runs until `now`.
    public func loggedInSeconds(in period: DateInterval, now: Date) -> TimeInterval {
        let start = max(login, period.start)
        let end = min(logout ?? now, period.end)
        return max(0, end.timeIntervalSince(start))
    }
}
