/// How many calls a pool may have up at once and how fast it may start them: a trunk's
/// `max_concurrent` / `max_cps` (最大并发, 每秒呼叫数), or a campaign's own share of its trunk.
/// Nil means no limit of that kind.
public struct CallLimit: Sendable, Equatable {
    public var maxConcurrent: Int?
    public var callsPerSecond: Double?

    public init(maxConcurrent: Int? = nil, callsPerSecond: Double? = nil) {
        self.maxConcurrent = maxConcurrent.map { max(0, $0) }
        self.callsPerSecond = callsPerSecond.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
    }

    /// The rate as whole calls per stretch of time: at most `calls` starts in any
    /// `seconds`-long stretch. A whole rate is that many in any one second (4/s: 4 per 1 s,
    /// never a burst of 5 across a second's boundary); 2.5/s is 3 per 1.2 s; 0.5/s 1 per 2 s.
    public var startsPerStretch: (calls: Int, seconds: Double)? {
        guard let rate = callsPerSecond else { return nil }
        let calls = max(1, Int((rate - 1e-9).rounded(.up)))
        return (calls, Double(calls) / rate)
    }
}
