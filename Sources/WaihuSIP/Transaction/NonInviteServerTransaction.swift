/// Non-INVITE server transaction (RFC 3261 §17.2.2).
public struct NonInviteServerTransaction: Sendable {
    public enum State: Sendable, Equatable {
        case trying, proceeding, completed, terminated
    }

    public private(set) var state: State = .trying
    public let request: SIPRequest
    public let timers: SIPTimerConfiguration
    private var lastResponse: SIPResponse?

    public init(request: SIPRequest, timers: SIPTimerConfiguration = .udp) {
        self.request = request
        self.timers = timers
    }

    public mutating func start() -> [SIPTransactionAction] {
        [.passRequest(request)]
    }

    public mutating func send(_ response: SIPResponse) -> [SIPTransactionAction] {
        switch (state, response.statusCode) {
        case (.trying, 100..<200), (.proceeding, 100..<200):
            state = .proceeding
            lastResponse = response
            return [.sendResponse(response)]
        case (.trying, 200...), (.proceeding, 200...):
            state = .completed
            lastResponse = response
            // Timer J keeps the final answer around for retransmitted requests.
            let waitJ: Duration = timers.reliableTransport ? .zero : timers.transactionTimeout
            return [.sendResponse(response), .startTimer(.j, waitJ)]
        default:
            return []
        }
    }

    /// A retransmission of the request.
    public mutating func receive(_ incoming: SIPRequest) -> [SIPTransactionAction] {
        switch state {
        case .proceeding, .completed:
            return lastResponse.map { [.sendResponse($0)] } ?? []
        case .trying, .terminated:
            return []
        }
    }

    public mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        guard state == .completed, timer == .j else { return [] }
        state = .terminated
        return [.terminate]
    }

    public mutating func transportError() -> [SIPTransactionAction] {
        guard state != .terminated else { return [] }
        state = .terminated
        return [.reportTransportError, .terminate]
    }
}
