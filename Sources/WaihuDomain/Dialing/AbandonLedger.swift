/// Counts abandons and live answers per day so the cap can be checked per day and per 30 days.
///
/// Abandons are `Double` because, with answering-machine detection on, each call the detector
/// hung up on counts as its estimated probability of having been a person (a false positive).
public struct AbandonLedger: Codable, Sendable, Equatable {
    public struct Day: Codable, Sendable, Equatable {
        public var abandons: Double = 0
        public var liveAnswers: Int = 0

        public init(abandons: Double = 0, liveAnswers: Int = 0) {
            self.abandons = abandons
            self.liveAnswers = liveAnswers
        }

        /// Abandon rate (呼损率): abandons / live answers; 0 before the first live answer.
        public var rate: Double { liveAnswers == 0 ? 0 : abandons / Double(liveAnswers) }
    }

    /// Keyed by a day number the caller chooses (e.g. days since 1970 in the campaign's time zone).
    public private(set) var days: [Int: Day] = [:]

    public init() {}

    /// A live answer, abandoned or connected to an agent.
    public mutating func recordLiveAnswer(day: Int, abandoned: Bool) {
        days[day, default: Day()].liveAnswers += 1
        if abandoned { days[day, default: Day()].abandons += 1 }
    }

    /// A call hung up as an answering machine; `falsePositiveProbability` of it was a person who got no agent.
    public mutating func recordMachineDetection(day: Int, falsePositiveProbability: Double) {
        days[day, default: Day()].abandons += falsePositiveProbability
    }

    /// A day's totals as the call log holds them, when a campaign starts again (a restart must
    /// neither forget the day's abandons nor count them twice: this replaces, never adds).
    public mutating func restore(day: Int, liveAnswers: Int, abandons: Double) {
        days[day] = Day(abandons: abandons, liveAnswers: liveAnswers)
    }

    public func day(_ day: Int) -> Day { days[day] ?? Day() }

    /// Totals over the `length` days ending on `day` (inclusive).
    public func window(endingOn day: Int, length: Int = 30) -> Day {
        var total = Day()
        for d in (day - length + 1)...day {
            if let x = days[d] {
                total.abandons += x.abandons
                total.liveAnswers += x.liveAnswers
            }
        }
        return total
    }

    /// Whether the campaign may still abandon calls today: under the cap both today and over 30 days.
    public func hasBudget(day: Int, cap: AbandonCap) -> Bool {
        let today = self.day(day), month = window(endingOn: day)
        return cap.remainingAbandons(abandons: today.abandons, liveAnswers: today.liveAnswers) > 0
            && cap.remainingAbandons(abandons: month.abandons, liveAnswers: month.liveAnswers) > 0
    }

    /// Forget days older than `keep` days before `day`, so a long-running campaign stays small.
    public mutating func prune(before day: Int, keep: Int = 30) {
        days = days.filter { $0.key > day - keep }
    }
}
