import Foundation

/// The last two hours of a campaign's pacing: a sample a second (`PacingTraceSample`) and each
/// live answer's connection timing (`PacingTraceConnection`). A value the runner keeps and
/// hands out; bounded by time, so a campaign that runs for days holds the same ~7,200 samples.
public struct PacingTrace: Sendable, Equatable {
    /// Seconds of history kept.
    public let span: Double
    /// Oldest first, one a second.
    public private(set) var samples: [PacingTraceSample] = []
    /// In the order they were settled (bridged or abandoned).
    public private(set) var connections: [PacingTraceConnection] = []

    /// Old entries are dropped this much past the span at a time, so the arrays are shifted
    /// once a minute rather than on every append.
    static let slack = 60.0
    /// Connections kept at most, whatever their times: a flood of answers cannot grow the
    /// trace without bound (the oldest go first).
    static let connectionLimit = 50_000

    public init(span: Double = 7_200) {
        self.span = span
    }

    public mutating func append(_ sample: PacingTraceSample) {
        samples.append(sample)
        prune(now: sample.time)
    }

    public mutating func append(_ connection: PacingTraceConnection) {
        connections.append(connection)
        if connections.count > Self.connectionLimit { connections.removeFirst(connections.count - Self.connectionLimit) }
        prune(now: connection.answeredAt)
    }

    /// The samples at or after `time` and the connections answered at or after it (all of them for nil).
    public func since(_ time: Double?) -> PacingTrace {
        guard let time else { return self }
        var trace = PacingTrace(span: span)
        // Samples are in time order: find the first by bisection.
        var low = 0, high = samples.count
        while low < high {
            let middle = (low + high) / 2
            if samples[middle].time < time { low = middle + 1 } else { high = middle }
        }
        trace.samples = Array(samples[low...])
        trace.connections = connections.filter { $0.answeredAt >= time }
        return trace
    }

    private mutating func prune(now: Double) {
        let cutoff = now - span
        if let first = samples.first, first.time < cutoff - Self.slack {
            samples.removeAll { $0.time < cutoff }
        }
        if let first = connections.first, first.answeredAt < cutoff - Self.slack {
            connections.removeAll { $0.answeredAt < cutoff }
        }
    }
}
