/// The UAS core's duty for a 2xx to INVITE (RFC 3261 §13.3.1.4): resend it at T1, 2·T1,
/// … capped at T2 until the ACK arrives, and give up after 64·T1, when the call must be
/// ended with a BYE. The INVITE server transaction does not do this, because the 2xx
/// is end-to-end and the transaction is gone (RFC 6026: accepted) once it is sent.
public struct AnswerRetransmission: Sendable {
    public enum Action: Sendable, Equatable {
        case send(SIPResponse)
        case wait(Duration)
        /// No ACK within 64·T1: confirm nothing, send BYE and end the leg.
        case giveUp
    }

    public let response: SIPResponse
    public let timers: SIPTimerConfiguration
    public private(set) var acknowledged = false
    private var interval: Duration
    private var currentWait: Duration
    private var elapsed: Duration = .zero

    public init(response: SIPResponse, timers: SIPTimerConfiguration = .udp) {
        self.response = response
        self.timers = timers
        self.interval = timers.t1
        self.currentWait = timers.reliableTransport ? timers.transactionTimeout : timers.t1
    }

    /// The first send and the first wait.
    public mutating func start() -> [Action] {
        [.send(response), .wait(currentWait)]
    }

    /// The wait ended without an ACK.
    public mutating func timerFired() -> [Action] {
        guard !acknowledged else { return [] }
        elapsed += currentWait
        guard elapsed < timers.transactionTimeout, !timers.reliableTransport else { return [.giveUp] }
        interval = min(interval * 2, timers.t2)
        currentWait = min(interval, timers.transactionTimeout - elapsed)
        return [.send(response), .wait(currentWait)]
    }

    /// The ACK arrived (matched by the dialog: Call-ID, tags and the INVITE's CSeq number).
    public mutating func acknowledge() {
        acknowledged = true
    }
}
