import Foundation

/// What the code around an `AgentStateMachine` does after a move. The machine decides; the
/// desk and the runners perform (and ignore what is not theirs: a runner stores no events).
public enum AgentAction: Equatable, Sendable {
    /// Store the state interval that just closed (the KPI events): `state` is already the
    /// stored one (`AgentState.recorded`); empty intervals are never asked for.
    case record(AgentState, reason: NotReadyReason?, from: Date, to: Date)
    /// Store the session event (签入 / 签出) at this instant.
    case recordSession(AgentSessionEvent.Kind, at: Date)
    /// Push the agent's new state (or pending request) to their desktop and the wallboard.
    case notifyDesktop
    /// The agent can take a customer now: give them one who waits, else count them ready.
    case offerNextCustomer
    /// Wrap-up began: end it when the campaign's wrap-up limit passes.
    case startWrapUpTimer
    /// Wrap-up ended after `seconds`: stop its timer and tell the pacer how long it took.
    case endWrapUpTimer(seconds: Double)
}
