/// What can happen to an agent, one case per `mutating func` of `AgentStateMachine`: named
/// in a refusal (`AgentTransitionError`) and in the table of docs/development.md.
public enum AgentEvent: String, Sendable, CaseIterable {
    /// 签入: the agent logs in to a campaign with a phone.
    case logIn = "log_in"
    /// 就绪: the agent asks for calls.
    case ready
    /// 示忙: the agent pauses with a reason (after the call when on one).
    case notReady = "not_ready"
    /// The agent asks to pause once the current call and its disposition are done.
    case notReadyAfterCall = "not_ready_after_call"
    /// A supervisor pauses the agent (after the call when on one).
    case supervisorForcesNotReady = "supervisor_forces_not_ready"
    /// The dialer takes the agent for one call (a previewed lead, an answered customer).
    case reserve
    /// The agent's phone starts ringing with the customer.
    case phoneRinging = "phone_ringing"
    /// The agent answered: talking to the customer.
    case answered
    /// The customer was lost before the agent took them (no answer, busy, hung up, failed).
    case customerLost = "customer_lost"
    /// The agent's phone was not answered: the agent is away from it.
    case phoneNotAnswered = "phone_not_answered"
    /// The call with the customer ended.
    case callEnded = "call_ended"
    /// The disposition of the call was saved (小结).
    case dispositionSaved = "disposition_saved"
    /// The campaign's wrap-up limit passed without a disposition.
    case wrapUpTimerEnded = "wrap_up_timer_ended"
    /// 签出: the agent logs out.
    case logOut = "log_out"
    /// A supervisor logs the agent out.
    case supervisorForcesLogOut = "supervisor_forces_log_out"
}
