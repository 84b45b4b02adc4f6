/// INVITE client transaction (RFC 3261 §17.1.1, with the RFC 6026 Accepted state so
/// that retransmitted 2xx responses still reach the call leg, which re-sends its ACK).
public struct InviteClientTransaction: Sendable {
    public enum State: Sendable, Equatable {
        case calling, proceeding, accepted, completed, terminated
    }

    public private(set) var state: State = .calling
    public let request: SIPRequest
    public let timers: SIPTimerConfiguration
    private var timerAInterval: Duration
    private var ack: SIPRequest?

    public init(request: SIPRequest, timers: SIPTimerConfiguration = .udp) {
        self.request = request
        self.timers = timers
        self.timerAInterval = timers.t1
    }

    /// Sends the INVITE and arms timers A (retransmit, UDP only) and B (give up).
    public mutating func start() -> [SIPTransactionAction] {
        var actions: [SIPTransactionAction] = [.sendRequest(request)]
        if !timers.reliableTransport { actions.append(.startTimer(.a, timerAInterval)) }
        actions.append(.startTimer(.b, timers.transactionTimeout))
        return actions
    }

    /// A CANCEL may only be sent once a provisional response arrived (§9.1).
    public var canCancel: Bool { state == .proceeding }

    public mutating func receive(_ response: SIPResponse) -> [SIPTransactionAction] {
        switch (state, response.statusCode) {
        case (.calling, 100..<200):
            // Timer B guards only the Calling state (§17.1.1.2): a phone may ring longer
            // than 64·T1, and the call leg's own ring timeout decides when to CANCEL.
            state = .proceeding
            return [.cancelTimer(.a), .cancelTimer(.b), .passResponse(response)]
        case (.proceeding, 100..<200):
            return [.passResponse(response)]
        case (.calling, 200..<300), (.proceeding, 200..<300):
            state = .accepted
            return [.cancelTimer(.a), .cancelTimer(.b), .startTimer(.m, timers.transactionTimeout), .passResponse(response)]
        case (.accepted, 200..<300):
            // A retransmitted or forked 2xx: the TU answers it with an ACK again.
            return [.passResponse(response)]
        case (.calling, 300...), (.proceeding, 300...):
            state = .completed
            let ack = Self.ack(for: request, response: response)
            self.ack = ack
            let waitD: Duration = timers.reliableTransport ? .zero : .seconds(32)
            return [.cancelTimer(.a), .cancelTimer(.b), .sendRequest(ack), .startTimer(.d, waitD), .passResponse(response)]
        case (.completed, 300...):
            // The final response was retransmitted because our ACK got lost.
            return ack.map { [.sendRequest($0)] } ?? []
        default:
            return []
        }
    }

    public mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        switch (state, timer) {
        case (.calling, .a):
            timerAInterval = timerAInterval * 2
            return [.sendRequest(request), .startTimer(.a, timerAInterval)]
        case (.calling, .b):
            state = .terminated
            return [.cancelTimer(.a), .reportTimeout, .terminate]
        case (.completed, .d), (.accepted, .m):
            state = .terminated
            return [.terminate]
        default:
            return []
        }
    }

    public mutating func transportError() -> [SIPTransactionAction] {
        switch state {
        case .calling, .proceeding:
            state = .terminated
            return [.cancelTimer(.a), .cancelTimer(.b), .reportTransportError, .terminate]
        case .completed, .accepted:
            state = .terminated
            return [.terminate]
        case .terminated:
            return []
        }
    }

    /// The ACK for a non-2xx final response, built by the transaction (§17.1.1.3): same
    /// Request-URI, Call-ID, From, top Via and Route as the INVITE, To from the response.
    public static func ack(for invite: SIPRequest, response: SIPResponse) -> SIPRequest {
        var headers = SIPHeaders()
        if let via = invite.headers.values("Via").first { headers.add("Via", via) }
        headers.add("Max-Forwards", "70")
        if let from = invite.headers["From"] { headers.add("From", from) }
        if let to = response.headers["To"] ?? invite.headers["To"] { headers.add("To", to) }
        if let callID = invite.callID { headers.add("Call-ID", callID) }
        headers.add("CSeq", CSeq(invite.cseq?.number ?? 1, .ack).description)
        for route in invite.headers.values("Route") { headers.add("Route", route) }
        return SIPRequest(method: .ack, uri: invite.uri, headers: headers)
    }
}
