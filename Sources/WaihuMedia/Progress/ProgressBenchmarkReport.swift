/// The figures of `waihu bench progress` (`ProgressBenchmark`).
public struct ProgressBenchmarkReport: Codable, Sendable {
    /// One analysed call: what it played, what the analyser found (`Truth.expected`'s
    /// words, or "wrong announcement"), and when (seconds after the sound began).
    public struct Outcome: Codable, Sendable {
        public var truth: ProgressBenchmark.Truth
        public var found: String
        public var seconds: Double?
        public var score: Double?
    }

    public struct ClassFigures: Codable, Sendable {
        public var truth: String
        public var calls: Int
        public var correct: Int
        public var accuracy: Double
        /// Seconds from the start of the sound to the detection, of the correct ones.
        public var medianSeconds: Double?
        public var p95Seconds: Double?
        public var maxSeconds: Double?
    }

    public struct ConfusionCell: Codable, Sendable {
        public var truth: String
        public var found: String
        public var calls: Int
    }

    public var calls: Int
    public var seconds: Double
    public var seed: UInt64
    public var learnedAnnouncements: Int
    public var families: Int
    public var indexLandmarks: Int
    public var fingerprintMilliseconds: Double
    public var audioSeconds: Double
    /// Seconds of audio heard while the analyser was still listening (before a final detection).
    public var analysedSeconds: Double
    public var cpuSeconds: Double
    public var wallSeconds: Double
    /// CPU per second of audio, all audio fed.
    public var microsecondsPerAudioSecond: Double
    /// CPU per second of audio still being analysed: every microsecond spent is charged to
    /// those seconds, so this is an upper bound of what one listening call costs.
    public var microsecondsPerAnalysedSecond: Double
    /// Calls one core can keep analysing at once: one second over the cost of a second.
    public var concurrentCallsPerCore: Double
    public var accuracy: Double
    public var classes: [ClassFigures]
    public var confusion: [ConfusionCell]
    /// Learned announcements named as another learned announcement.
    public var wrongAnnouncements: Int
    /// Greetings taken for an announcement (must be 0).
    public var humansTakenForAnnouncements: Int
    public var medianAnnouncementScore: Double?
    public var passes: Bool

    init(options: ProgressBenchmark.Options, learnedAnnouncements: Int, families: Int, indexLandmarks: Int,
         fingerprintMilliseconds: Double, audioSeconds: Double, analysedSeconds: Double, cpuSeconds: Double,
         wallSeconds: Double, outcomes: [Outcome]) {
        calls = options.calls
        seconds = options.seconds
        seed = options.seed
        self.learnedAnnouncements = learnedAnnouncements
        self.families = families
        self.indexLandmarks = indexLandmarks
        self.fingerprintMilliseconds = fingerprintMilliseconds
        self.audioSeconds = audioSeconds
        self.analysedSeconds = analysedSeconds
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
        microsecondsPerAudioSecond = cpuSeconds * 1e6 / max(audioSeconds, 1e-9)
        microsecondsPerAnalysedSecond = cpuSeconds * 1e6 / max(analysedSeconds, 1e-9)
        concurrentCallsPerCore = 1e6 / max(microsecondsPerAnalysedSecond, 1e-9)
        let correct = outcomes.filter { $0.found == $0.truth.expected }
        accuracy = outcomes.isEmpty ? 0 : Double(correct.count) / Double(outcomes.count)
        classes = ProgressBenchmark.Truth.allCases.compactMap { truth in
            let all = outcomes.filter { $0.truth == truth }
            guard !all.isEmpty else { return nil }
            let right = all.filter { $0.found == truth.expected }
            let times = right.compactMap(\.seconds).sorted()
            return ClassFigures(truth: truth.rawValue, calls: all.count, correct: right.count,
                                accuracy: Double(right.count) / Double(all.count),
                                medianSeconds: times.isEmpty ? nil : times[times.count / 2],
                                p95Seconds: times.isEmpty ? nil : times[min(times.count - 1, times.count * 95 / 100)],
                                maxSeconds: times.last)
        }
        var cells: [String: Int] = [:]
        for outcome in outcomes { cells[outcome.truth.rawValue + "\u{1}" + outcome.found, default: 0] += 1 }
        confusion = cells.map { key, calls in
            let parts = key.split(separator: "\u{1}", omittingEmptySubsequences: false)
            return ConfusionCell(truth: String(parts[0]), found: String(parts[1]), calls: calls)
        }.sorted { ($0.truth, $0.found) < ($1.truth, $1.found) }
        wrongAnnouncements = outcomes.filter { $0.found == "wrong announcement" }.count
        humansTakenForAnnouncements = outcomes.filter { $0.truth == .human && $0.found.contains("announcement") }.count
        let scores = outcomes.compactMap { $0.found == "announcement" ? $0.score : nil }.sorted()
        medianAnnouncementScore = scores.isEmpty ? nil : scores[scores.count / 2]
        passes = concurrentCallsPerCore >= 1000 && accuracy >= 0.99 && humansTakenForAnnouncements == 0
    }

    /// The found classes in a stable order, for the confusion table's columns.
    public var foundColumns: [String] {
        let order = ["announcement", "wrong announcement", "unknown", "busy", "congestion", "ringback", "sit", "human", "nothing"]
        let present = Set(confusion.map(\.found))
        return order.filter(present.contains) + present.subtracting(order).sorted()
    }

    public func calls(truth: String, found: String) -> Int {
        confusion.first { $0.truth == truth && $0.found == found }?.calls ?? 0
    }
}
