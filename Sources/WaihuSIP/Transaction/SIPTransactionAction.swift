/// What a transaction state machine asks its owner (the transaction layer) to do.
/// The owner performs sends and timer scheduling; the machine never touches I/O.
public enum SIPTransactionAction: Sendable, Equatable {
    case sendRequest(SIPRequest)
    case sendResponse(SIPResponse)
    /// Start (or restart) a timer; when it fires, call `timerFired(_:)` with it.
    case startTimer(SIPTimer, Duration)
    case cancelTimer(SIPTimer)
    /// Hand a response to the transaction user (the call leg or registration client).
    case passResponse(SIPResponse)
    /// Hand a request (the first INVITE, or an ACK for a 2xx) to the transaction user.
    case passRequest(SIPRequest)
    /// No final response (client) or no ACK (server) in time: the TU treats it as 408.
    case reportTimeout
    case reportTransportError
    /// The transaction is over; the owner removes it from its table.
    case terminate
}
