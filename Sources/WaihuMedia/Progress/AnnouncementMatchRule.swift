/// When the votes are enough to name an announcement. All three must hold; the figures
/// come from the benchmark's generated set (docs/call-progress-analysis.md), where a learned
/// announcement heard for 3 s through G.711 with 3 % loss gathers 40–200 aligned votes and a
/// voice, noise or a tone that was never learned gathers at most a handful.
public struct AnnouncementMatchRule: Sendable, Equatable {
    /// Aligned votes (one offset ±1 column): chance alignments of unrelated audio against
    /// hundreds of announcements stay under about 6, so 12 leaves a margin of two.
    public var minimumVotes: Int
    /// Aligned votes as a share of the landmarks heard: a long unrelated sound can collect a
    /// few chance votes on one offset, but never a tenth of what it produced.
    public var minimumScore: Double
    /// The best announcement must have this many times the votes of any other: two
    /// announcements that share a beginning (the same voice saying "您拨打的…") are told apart
    /// only once the words that differ are heard.
    public var margin: Double

    public init(minimumVotes: Int, minimumScore: Double, margin: Double) {
        self.minimumVotes = minimumVotes
        self.minimumScore = minimumScore
        self.margin = margin
    }

    public static let `default` = AnnouncementMatchRule(minimumVotes: 15, minimumScore: 0.1, margin: 2)

    /// Whether `votes` aligned votes out of `heard` landmarks, against `runnerUp` for the next
    /// announcement, name the announcement.
    public func accepts(votes: Int, runnerUp: Int, heard: Int) -> Bool {
        votes >= minimumVotes && Double(votes) >= minimumScore * Double(heard) && Double(votes) >= margin * Double(runnerUp)
    }
}
