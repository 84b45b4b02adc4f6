/// Keeps dialing under the trunk's calls-per-second limit (carriers block trunks that
/// burst): a token bucket holding at most `burst` dials, refilled at `callsPerSecond`.
/// Pure: the caller passes the time and sleeps as told.
public struct DialRateLimiter: Sendable, Equatable {
    public let callsPerSecond: Double
    public let burst: Double
    private var tokens: Double
    private var updatedAt: Double?

    public init(callsPerSecond: Double, burst: Double = 1) {
        self.callsPerSecond = max(0.01, callsPerSecond)
        self.burst = max(1, burst)
        tokens = self.burst
    }

    /// Seconds to wait before the next dial may start at `now`; when 0 the dial is
    /// counted. Call again after waiting.
    public mutating func delayBeforeDial(now: Double) -> Double {
        if let updatedAt {
            tokens = min(burst, tokens + (now - updatedAt) * callsPerSecond)
        }
        updatedAt = now
        if tokens >= 1 {
            tokens -= 1
            return 0
        }
        return (1 - tokens) / callsPerSecond
    }
}
