/// INVITE server transaction (RFC 3261 §17.2.1, with RFC 6026's Accepted state).
/// Retransmitting a 2xx until its ACK arrives is the TU's job (§13.3.1.4), not this one's.
public struct InviteServerTransaction: Sendable {
    public enum State: Sendable, Equatable {
        case proceeding, accepted, completed, confirmed, terminated
    }

    public private(set) var state: State = .proceeding
    public let request: SIPRequest
    public let timers: SIPTimerConfiguration
    private var lastResponse: SIPResponse?
    private var timerGInterval: Duration

    public init(request: SIPRequest, timers: SIPTimerConfiguration = .udp) {
        self.request = request
        self.timers = timers
        self.timerGInterval = timers.t1
    }

    /// Answers 100 Trying at once (so the caller stops retransmitting) and hands the
    /// INVITE to the TU. Waiting 200 ms for the TU, as §17.2.1 allows, gains nothing here.
    public mutating func start() -> [SIPTransactionAction] {
        let trying = SIPResponse(replyingTo: request, statusCode: 100)
        lastResponse = trying
        return [.sendResponse(trying), .passRequest(request)]
    }

    /// The TU sends a response through the transaction.
    public mutating func send(_ response: SIPResponse) -> [SIPTransactionAction] {
        switch (state, response.statusCode) {
        case (.proceeding, 100..<200):
            lastResponse = response
            return [.sendResponse(response)]
        case (.proceeding, 200..<300):
            state = .accepted
            lastResponse = response
            return [.sendResponse(response), .startTimer(.l, timers.transactionTimeout)]
        case (.accepted, 200..<300):
            // TU retransmission of the 2xx, or a 2xx for another fork.
            return [.sendResponse(response)]
        case (.proceeding, 300...):
            state = .completed
            lastResponse = response
            var actions: [SIPTransactionAction] = [.sendResponse(response)]
            if !timers.reliableTransport { actions.append(.startTimer(.g, timerGInterval)) }
            actions.append(.startTimer(.h, timers.transactionTimeout))
            return actions
        default:
            return []
        }
    }

    /// A request matched to this transaction: a retransmitted INVITE or the ACK.
    public mutating func receive(_ incoming: SIPRequest) -> [SIPTransactionAction] {
        switch (state, incoming.method) {
        case (.proceeding, .invite), (.completed, .invite):
            return lastResponse.map { [.sendResponse($0)] } ?? []
        case (.completed, .ack):
            state = .confirmed
            let waitI: Duration = timers.reliableTransport ? .zero : timers.t4
            return [.cancelTimer(.g), .cancelTimer(.h), .startTimer(.i, waitI)]
        case (.accepted, .ack):
            // The ACK for a 2xx belongs to the dialog: the TU stops retransmitting.
            return [.passRequest(incoming)]
        default:
            // Retransmitted INVITE while accepted or confirmed, or duplicate ACKs: absorbed.
            return []
        }
    }

    public mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        switch (state, timer) {
        case (.completed, .g):
            timerGInterval = min(timerGInterval * 2, timers.t2)
            return (lastResponse.map { [.sendResponse($0)] } ?? []) + [.startTimer(.g, timerGInterval)]
        case (.completed, .h):
            // The ACK never came.
            state = .terminated
            return [.cancelTimer(.g), .reportTimeout, .terminate]
        case (.confirmed, .i), (.accepted, .l):
            state = .terminated
            return [.terminate]
        default:
            return []
        }
    }

    public mutating func transportError() -> [SIPTransactionAction] {
        guard state != .terminated else { return [] }
        state = .terminated
        return [.cancelTimer(.g), .cancelTimer(.h), .reportTransportError, .terminate]
    }
}
