import Foundation

/// One agent's state and every move it may make (座席状态机): the only place where agent
/// states change. A value: each event is a `mutating func` that moves the agent and returns
/// the actions for the code around it (store the closed interval for the KPIs, push to the
/// desktop, offer the next customer, start or end the wrap-up timer), or throws
/// `AgentTransitionError` when the move is not allowed in the current state. The desk and
/// the campaign runners hold these values and perform the actions; they decide nothing.
///
/// Supervision (being monitored, coached) and inbound calls will add states and events: add
/// them here (a case of `AgentState`, an `AgentEvent`, a `mutating func`), with their rows
/// in the table of docs/development.md ("Agent state machine") and tests beside
/// `AgentStateMachineTests`, and nowhere else.
///
/// While logged in the agent is always in exactly one state and every move closes the
/// interval of the state it leaves, so the recorded intervals of a session add up to the
/// time from log-in to log-out.
public struct AgentStateMachine: Equatable, Sendable {
    public private(set) var state: AgentState = .loggedOut
    /// 示忙原因: set only while `notReady` (nil right after log-in: not yet ready).
    public private(set) var reason: NotReadyReason?
    /// When the current state began.
    public private(set) var since: Date
    /// When the agent logged in; nil while logged out.
    public private(set) var loggedInAt: Date?
    /// The agent (or a supervisor) asked for not ready during a call: applied when the call
    /// is over (after its disposition or the wrap-up limit), not before.
    public private(set) var notReadyAfterCall: NotReadyReason?

    /// A logged-out agent.
    public init(at time: Date = Date(timeIntervalSince1970: 0)) {
        since = time
    }

    // MARK: - Session

    /// 签入: not ready (no reason yet) until the agent asks for calls.
    public mutating func logIn(at time: Date) throws -> [AgentAction] {
        guard state == .loggedOut else { throw AgentTransitionError.refused(.logIn, in: state) }
        state = .notReady
        reason = nil
        since = time
        loggedInAt = time
        notReadyAfterCall = nil
        return [.recordSession(.login, at: time), .notifyDesktop]
    }

    /// 签出, from any state: closes the open interval (a call still up goes on without
    /// the desk; its disposition can be saved after the next log-in).
    public mutating func logOut(at time: Date) throws -> [AgentAction] {
        try leave(.logOut, at: time)
    }

    /// A supervisor logs the agent out (强制签出): the same move as `logOut`.
    public mutating func supervisorForcesLogOut(at time: Date) throws -> [AgentAction] {
        try leave(.supervisorForcesLogOut, at: time)
    }

    // MARK: - The agent's own requests

    /// 就绪, from not ready or wrap-up (the agent ends wrap-up before the disposition); a
    /// pending not-ready-after-call request is dropped. Refused during a call.
    public mutating func ready(at time: Date) throws -> [AgentAction] {
        switch state {
        case .ready:
            guard notReadyAfterCall != nil else { return [] }
            notReadyAfterCall = nil
            return [.notifyDesktop]
        case .notReady, .wrapUp:
            notReadyAfterCall = nil
            return move(to: .ready, at: time)
        case .loggedOut, .reserved, .ringing, .onCall, .internalCall, .helpRequest:
            throw AgentTransitionError.refused(.ready, in: state)
        }
    }

    /// 示忙 with a reason: at once when no call holds the agent, else after this call.
    public mutating func notReady(_ reason: NotReadyReason, at time: Date) throws -> [AgentAction] {
        try pause(.notReady, reason, at: time)
    }

    /// A supervisor pauses the agent (强制示忙): as `notReady`, after the call when on one.
    public mutating func supervisorForcesNotReady(_ reason: NotReadyReason = .other, at time: Date) throws -> [AgentAction] {
        try pause(.supervisorForcesNotReady, reason, at: time)
    }

    /// The agent asks to pause once this call is done: kept through wrap-up and applied
    /// after the disposition. Without a call it pauses at once.
    public mutating func notReadyAfterCall(_ reason: NotReadyReason, at time: Date) throws -> [AgentAction] {
        switch state {
        case .reserved, .ringing, .onCall, .wrapUp:
            notReadyAfterCall = reason
            return [.notifyDesktop]
        case .ready, .notReady:
            return try pause(.notReadyAfterCall, reason, at: time)
        case .loggedOut, .internalCall, .helpRequest:
            throw AgentTransitionError.refused(.notReadyAfterCall, in: state)
        }
    }

    // MARK: - Calls

    /// The dialer takes a ready agent for one call (a previewed lead is dialed, or a
    /// customer answered): no other customer reaches them.
    public mutating func reserve(at time: Date) throws -> [AgentAction] {
        guard state == .ready else { throw AgentTransitionError.refused(.reserve, in: state) }
        return move(to: .reserved, at: time)
    }

    /// The reserved agent's phone rings with the customer.
    public mutating func phoneRinging(at time: Date) throws -> [AgentAction] {
        guard state == .reserved else { throw AgentTransitionError.refused(.phoneRinging, in: state) }
        return move(to: .ringing, at: time)
    }

    /// The agent answered: talking to the customer.
    public mutating func answered(at time: Date) throws -> [AgentAction] {
        guard state == .ringing else { throw AgentTransitionError.refused(.answered, in: state) }
        return move(to: .onCall, at: time)
    }

    /// The customer was lost before the agent took them (did not answer, busy, failed, hung
    /// up while the agent's phone rang): ready again, or not ready if that was asked.
    public mutating func customerLost(at time: Date) throws -> [AgentAction] {
        guard state == .reserved || state == .ringing else { throw AgentTransitionError.refused(.customerLost, in: state) }
        return callIsOver(at: time)
    }

    /// The agent's phone was not answered: the agent is away from it, so not ready
    /// (system issue) rather than sent the next customer.
    public mutating func phoneNotAnswered(at time: Date) throws -> [AgentAction] {
        guard state == .reserved || state == .ringing else { throw AgentTransitionError.refused(.phoneNotAnswered, in: state) }
        notReadyAfterCall = nil
        return move(to: .notReady, reason: .systemIssue, at: time)
    }

    /// The call ended: wrap-up until the disposition or the wrap-up limit.
    public mutating func callEnded(at time: Date) throws -> [AgentAction] {
        guard state == .onCall else { throw AgentTransitionError.refused(.callEnded, in: state) }
        return move(to: .wrapUp, at: time)
    }

    /// The disposition was saved: out of wrap-up (ready, or not ready if asked during the
    /// call). In any other state it was an earlier call's disposition: nothing moves.
    public mutating func dispositionSaved(at time: Date) -> [AgentAction] {
        state == .wrapUp ? callIsOver(at: time) : []
    }

    /// The wrap-up limit passed: as a saved disposition. A timer of a wrap-up already over
    /// moves nothing.
    public mutating func wrapUpTimerEnded(at time: Date) -> [AgentAction] {
        state == .wrapUp ? callIsOver(at: time) : []
    }

    // MARK: - Reading

    public var isLoggedIn: Bool { state.isLoggedIn }

    /// Seconds in the current state at `now`.
    public func secondsInState(at now: Date) -> Double { max(0, now.timeIntervalSince(since)) }

    // MARK: - Moves

    private mutating func pause(_ event: AgentEvent, _ reason: NotReadyReason, at time: Date) throws -> [AgentAction] {
        switch state {
        case .ready, .wrapUp:
            return move(to: .notReady, reason: reason, at: time)
        case .notReady:
            return self.reason == reason ? [] : move(to: .notReady, reason: reason, at: time)
        case .reserved, .ringing, .onCall:
            notReadyAfterCall = reason
            return [.notifyDesktop]
        case .loggedOut, .internalCall, .helpRequest:
            throw AgentTransitionError.refused(event, in: state)
        }
    }

    private mutating func callIsOver(at time: Date) -> [AgentAction] {
        guard let reason = notReadyAfterCall else { return move(to: .ready, at: time) }
        notReadyAfterCall = nil
        return move(to: .notReady, reason: reason, at: time)
    }

    private mutating func leave(_ event: AgentEvent, at time: Date) throws -> [AgentAction] {
        guard state != .loggedOut else { throw AgentTransitionError.refused(event, in: state) }
        let end = max(time, since)
        var actions = closing(at: end)
        actions.append(.recordSession(.logout, at: end))
        actions.append(.notifyDesktop)
        state = .loggedOut
        reason = nil
        since = end
        loggedInAt = nil
        notReadyAfterCall = nil
        return actions
    }

    /// Closes the current state's interval and enters `next`.
    private mutating func move(to next: AgentState, reason: NotReadyReason? = nil, at time: Date) -> [AgentAction] {
        let end = max(time, since)  // a clock that steps back must not make a negative interval
        var actions = closing(at: end)
        state = next
        self.reason = next == .notReady ? reason : nil
        since = end
        if next == .wrapUp { actions.append(.startWrapUpTimer) }
        actions.append(.notifyDesktop)
        if next.isAvailableForCalls { actions.append(.offerNextCustomer) }
        return actions
    }

    /// The actions that close the current state at `end`.
    private func closing(at end: Date) -> [AgentAction] {
        var actions: [AgentAction] = []
        if let stored = state.recorded, end > since {
            actions.append(.record(stored, reason: state == .notReady ? reason : nil, from: since, to: end))
        }
        if state == .wrapUp { actions.append(.endWrapUpTimer(seconds: end.timeIntervalSince(since))) }
        return actions
    }
}
