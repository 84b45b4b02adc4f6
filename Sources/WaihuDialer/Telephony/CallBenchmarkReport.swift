import Foundation

/// What `waihu bench calls` prints: the engine's cost per concurrent bridged call and
/// the quality of the media it relayed.
public struct CallBenchmarkReport: Sendable, Equatable, Encodable {
    public var concurrentCalls: Int
    /// Calls that were answered at both ends and bridged.
    public var callsUp: Int
    /// Length of the measuring window.
    public var seconds: Double
    /// Percent of one core per bridged, recorded call.
    public var cpuPercentPerCall: Double
    public var cpuPercentTotal: Double
    public var memoryPerCallKiB: Double
    public var packetsReceived: Int
    public var packetsLost: Int
    public var packetsLate: Int
    /// INVITE to the customer's answer.
    public var answerLatencyMilliseconds: Percentiles
    /// INVITE to the bridge being up (customer answered, agent rung and answered).
    public var bridgeLatencyMilliseconds: Percentiles

    public var lossPercent: Double {
        let expected = packetsReceived + packetsLost
        return expected == 0 ? 0 : Double(packetsLost + packetsLate) / Double(expected) * 100
    }

    public var text: String {
        func f(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
        return """
        calls up:            \(callsUp) of \(concurrentCalls) bridged and recorded G.711 calls, window \(f(seconds)) s
        CPU:                 \(f(cpuPercentTotal)) % of one core in total, \(f(cpuPercentPerCall, 3)) % per call
        memory:              \(f(memoryPerCallKiB)) KiB resident per call
        RTP:                 \(packetsReceived) packets received, \(packetsLost) lost, \(packetsLate) late (\(f(lossPercent, 3)) %)
        answer latency:      p50 \(f(answerLatencyMilliseconds.p50)) ms, p95 \(f(answerLatencyMilliseconds.p95)) ms, max \(f(answerLatencyMilliseconds.max)) ms
        bridge latency:      p50 \(f(bridgeLatencyMilliseconds.p50)) ms, p95 \(f(bridgeLatencyMilliseconds.p95)) ms, max \(f(bridgeLatencyMilliseconds.max)) ms
        """
    }
}

/// p50 / p95 / max of a sample.
public struct Percentiles: Sendable, Equatable, Encodable {
    public var p50: Double
    public var p95: Double
    public var max: Double

    public init(_ values: [Double]) {
        let sorted = values.sorted()
        func at(_ q: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))] }
        p50 = at(0.5)
        p95 = at(0.95)
        max = sorted.last ?? 0
    }
}
