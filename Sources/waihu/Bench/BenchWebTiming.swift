import Foundation

/// Seconds on a monotonic clock, for the latencies of `waihu bench web`: a wall-clock step
/// during a run must not turn into a negative or a huge latency.
enum BenchWebClock {
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}

/// Latencies of many requests or pushes, in seconds, summed up as the report shows them.
struct BenchWebTiming: Codable, Equatable {
    var count: Int
    var p50: Double?
    var p99: Double?
    var max: Double?

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        p50 = Self.percentile(sorted, 0.50)
        p99 = Self.percentile(sorted, 0.99)
        max = sorted.last
    }

    /// Nearest rank: the smallest sample with at least `fraction` of the samples at or below it.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }

    /// "p50 12 ms · p99 340 ms · max 1.20 s"
    var text: String {
        guard count > 0 else { return "–" }
        return "p50 \(Self.duration(p50)) · p99 \(Self.duration(p99)) · max \(Self.duration(max))"
    }

    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "–" }
        return seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}

/// Replies counted by what they were: "201", "500", "503 retry" (a 503 with Retry-After, the
/// server asking to come back), or "no reply" (connection refused, reset or timed out).
struct BenchWebOutcomes: Codable, Equatable {
    var counts: [String: Int] = [:]

    mutating func add(_ reply: BenchWebHTTP.Reply) { counts[reply.outcome, default: 0] += 1 }

    var successes: Int { counts.filter { $0.key.hasPrefix("2") }.values.reduce(0, +) }
    var askedToRetry: Int { counts.filter { $0.key.hasSuffix("retry") }.values.reduce(0, +) }
    var serverErrors: Int { counts.filter { $0.key.hasPrefix("5") && !$0.key.hasSuffix("retry") }.values.reduce(0, +) }
    var failures: Int { counts.filter { !$0.key.hasPrefix("2") && !$0.key.hasSuffix("retry") }.values.reduce(0, +) }

    /// "none", or "500 ×140, no reply ×3"
    var errorText: String {
        let errors = counts.filter { !$0.key.hasPrefix("2") }.sorted { $0.key < $1.key }
        return errors.isEmpty ? "none" : errors.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
    }
}
