/// Non-INVITE client transaction (RFC 3261 §17.1.2): REGISTER, OPTIONS, BYE, CANCEL…
public struct NonInviteClientTransaction: Sendable {
    public enum State: Sendable, Equatable {
        case trying, proceeding, completed, terminated
    }

    public private(set) var state: State = .trying
    public let request: SIPRequest
    public let timers: SIPTimerConfiguration
    private var timerEInterval: Duration

    public init(request: SIPRequest, timers: SIPTimerConfiguration = .udp) {
        self.request = request
        self.timers = timers
        self.timerEInterval = timers.t1
    }

    public mutating func start() -> [SIPTransactionAction] {
        var actions: [SIPTransactionAction] = [.sendRequest(request)]
        if !timers.reliableTransport { actions.append(.startTimer(.e, timerEInterval)) }
        actions.append(.startTimer(.f, timers.transactionTimeout))
        return actions
    }

    public mutating func receive(_ response: SIPResponse) -> [SIPTransactionAction] {
        switch (state, response.statusCode) {
        case (.trying, 100..<200):
            state = .proceeding
            return [.passResponse(response)]
        case (.proceeding, 100..<200):
            return [.passResponse(response)]
        case (.trying, 200...), (.proceeding, 200...):
            state = .completed
            // Timer K absorbs retransmitted finals; zero on reliable transports.
            let waitK: Duration = timers.reliableTransport ? .zero : timers.t4
            return [.cancelTimer(.e), .cancelTimer(.f), .startTimer(.k, waitK), .passResponse(response)]
        default:
            return []
        }
    }

    public mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        switch (state, timer) {
        case (.trying, .e):
            // Doubling up to T2 while trying; once a provisional came, every T2 (§17.1.2.2).
            timerEInterval = min(timerEInterval * 2, timers.t2)
            return [.sendRequest(request), .startTimer(.e, timerEInterval)]
        case (.proceeding, .e):
            timerEInterval = timers.t2
            return [.sendRequest(request), .startTimer(.e, timerEInterval)]
        case (.trying, .f), (.proceeding, .f):
            state = .terminated
            return [.cancelTimer(.e), .reportTimeout, .terminate]
        case (.completed, .k):
            state = .terminated
            return [.terminate]
        default:
            return []
        }
    }

    public mutating func transportError() -> [SIPTransactionAction] {
        switch state {
        case .trying, .proceeding:
            state = .terminated
            return [.cancelTimer(.e), .cancelTimer(.f), .reportTransportError, .terminate]
        case .completed:
            state = .terminated
            return [.terminate]
        case .terminated:
            return []
        }
    }
}
