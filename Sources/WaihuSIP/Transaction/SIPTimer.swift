/// The RFC 3261 §17 transaction timers, named by their letter. M and L are the
/// RFC 6026 timers that keep an INVITE transaction alive after a 2xx.
public enum SIPTimer: String, Sendable, Hashable, CaseIterable {
    case a = "A", b = "B", d = "D", e = "E", f = "F", g = "G", h = "H", i = "I", j = "J", k = "K"
    case l = "L", m = "M"
}

/// Base timer values (RFC 3261 §17.1.1.1) and whether the transport is reliable,
/// which switches retransmissions off and shortens the wait timers to zero.
public struct SIPTimerConfiguration: Sendable, Equatable {
    /// RTT estimate, 500 ms.
    public var t1: Duration
    /// Cap on non-INVITE and response retransmission intervals, 4 s.
    public var t2: Duration
    /// Longest time a message stays in the network, 5 s.
    public var t4: Duration
    public var reliableTransport: Bool

    public init(t1: Duration = .milliseconds(500), t2: Duration = .seconds(4), t4: Duration = .seconds(5),
                reliableTransport: Bool = false) {
        self.t1 = t1
        self.t2 = t2
        self.t4 = t4
        self.reliableTransport = reliableTransport
    }

    public static let udp = SIPTimerConfiguration()

    /// 64·T1: how long a transaction may wait for a final response (timers B, F, H, J, L, M).
    public var transactionTimeout: Duration { t1 * 64 }
}
