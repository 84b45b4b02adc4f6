import WaihuDomain
import Foundation

/// The live answers and abandons of one stretch of a campaign, from the pacing trace's
/// cumulative counts: the abandon rate (弃呼率) of that stretch, to hold against the cap
/// window by window and not only over the day.
public struct PacingTraceAbandonWindow: Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var liveAnswers: Int
    public var abandoned: Int

    public init(start: Double, end: Double, liveAnswers: Int, abandoned: Int) {
        self.start = start
        self.end = end
        self.liveAnswers = liveAnswers
        self.abandoned = abandoned
    }

    /// Abandoned ÷ live answers; nil with no answer.
    public var rate: Double? {
        liveAnswers > 0 ? AbandonLedger.Day(abandons: Double(abandoned), liveAnswers: liveAnswers).rate : nil
    }

    /// `from`…`to` cut into windows of `length` seconds (the last one shorter if it does not
    /// divide), each with the answers and abandons counted between its ends. A count at a
    /// moment is the last sample's at or before it (the first sample's before any).
    public static func windows(_ samples: [PacingTraceSample], from: Double, to: Double,
                               length: Double = 300) -> [PacingTraceAbandonWindow] {
        guard to > from, length > 0, !samples.isEmpty else { return [] }
        func counts(at time: Double) -> (answers: Int, abandoned: Int) {
            let sample = samples.last { $0.time <= time } ?? samples[0]
            return (sample.liveAnswers, sample.abandoned)
        }
        var windows: [PacingTraceAbandonWindow] = []
        var start = from
        while start < to {
            let end = min(start + length, to)
            let (a0, b0) = counts(at: start), (a1, b1) = counts(at: end)
            windows.append(PacingTraceAbandonWindow(start: start, end: end, liveAnswers: a1 - a0, abandoned: b1 - b0))
            start = end
        }
        return windows
    }
}
