import Foundation

/// A promise to call a customer back at a given time (预约回访).
public struct Callback: Codable, Sendable, Equatable {
    public enum Kind: Codable, Sendable, Equatable {
        /// 个人预约: set by an agent for themself; `teamID` is where it goes after the grace window.
        case personal(agentID: String, teamID: String)
        /// 项目预约: any agent of the campaign may take it.
        case campaign
    }

    public var kind: Kind
    public var dueAt: Date

    public init(kind: Kind, dueAt: Date) {
        self.kind = kind
        self.dueAt = dueAt
    }
}

/// Who may be offered a callback at a given time.
public enum CallbackAudience: Sendable, Equatable {
    case notYetDue
    case agent(String)
    case team(String)
    case anyone
}

/// Routes due callbacks: a personal callback first to its own agent, to the team after a grace window.
public struct CallbackRule: Codable, Sendable, Equatable {
    /// How long a personal callback waits for its agent before the team may take it.
    public var graceWindow: TimeInterval

    public init(graceWindow: TimeInterval = 15 * 60) {
        self.graceWindow = graceWindow
    }

    public func audience(for callback: Callback, now: Date) -> CallbackAudience {
        guard now >= callback.dueAt else { return .notYetDue }
        switch callback.kind {
        case .campaign:
            return .anyone
        case let .personal(agentID, teamID):
            return now < callback.dueAt.addingTimeInterval(graceWindow) ? .agent(agentID) : .team(teamID)
        }
    }

    /// Whether `agentID` of `teamID` may take `callback` now.
    public func mayOffer(_ callback: Callback, toAgent agentID: String, ofTeam teamID: String, now: Date) -> Bool {
        switch audience(for: callback, now: now) {
        case .notYetDue: return false
        case .anyone: return true
        case let .agent(id): return id == agentID
        case let .team(id): return id == teamID
        }
    }
}
