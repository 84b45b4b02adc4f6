/// Counters of one RTP session, for the call report and the calls benchmark.
public struct RTPSessionStatistics: Sendable, Equatable {
    public var packetsSent: Int
    public var packetsReceived: Int
    /// Sequence numbers that never arrived in time for the jitter buffer.
    public var packetsLost: Int
    /// Packets that arrived after their slot had been played (dropped).
    public var packetsLate: Int

    public init(packetsSent: Int = 0, packetsReceived: Int = 0, packetsLost: Int = 0, packetsLate: Int = 0) {
        self.packetsSent = packetsSent
        self.packetsReceived = packetsReceived
        self.packetsLost = packetsLost
        self.packetsLate = packetsLate
    }

    public static func + (lhs: Self, rhs: Self) -> Self {
        Self(packetsSent: lhs.packetsSent + rhs.packetsSent, packetsReceived: lhs.packetsReceived + rhs.packetsReceived,
             packetsLost: lhs.packetsLost + rhs.packetsLost, packetsLate: lhs.packetsLate + rhs.packetsLate)
    }
}
