/// What `CallLegStateMachine` asks its owner (the telephony engine) to do. The machine
/// never touches sockets or clocks; the owner sends, schedules and reports.
public enum CallLegAction: Sendable, Equatable {
    /// Start a client transaction (INVITE, the INVITE retried with credentials, CANCEL, BYE).
    case sendRequest(SIPRequest)
    /// Send the ACK for a 2xx as is: it is end-to-end and belongs to no transaction (§13.2.2.4).
    case sendAck(SIPRequest)
    /// Answer a request the peer sent within the dialog, through its server transaction.
    case respond(SIPResponse, SIPTransactionKey)
    /// (Re)arm the leg's one timer: the ring timeout, or after a CANCEL the wait for its 487.
    case startTimer(Duration)
    case cancelTimer
    /// A provisional 180/183 arrived: the customer's phone rings (振铃).
    case ringing(SIPResponse)
    /// The 2xx arrived and was acknowledged; its body is the SDP answer.
    case answered(SIPResponse)
    /// The leg is over; release its media and report.
    case ended(CallLegTermination)
}
