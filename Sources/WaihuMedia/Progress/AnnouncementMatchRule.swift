/// When the votes are enough to name an announcement. The figures come from the generated
/// set of `waihu bench progress` (docs/call-progress-analysis.md): a learned announcement
/// heard through G.711 with 3 % loss gathers 40–200 aligned votes in 3 s, while speech,
/// greetings, noise and tones that were never learned, heard against 200 announcements,
/// gather at most about 10 that also pass the score and margin tests.
public struct AnnouncementMatchRule: Sendable, Equatable {
    /// Aligned votes (one time offset ±1 column) for the leader: 15 is half again the most
    /// that unrelated audio reached in the generated set, and a learned announcement gets
    /// there in about 1.2 s (95 % within 2.5 s).
    public var minimumVotes: Int
    /// The leader's votes as a share of the landmarks looked up (the reported score): chance
    /// votes spread over thousands of offsets, so a long unrelated sound that happens to pile
    /// a few on one offset still has only a few per cent of its landmarks there; a learned
    /// announcement has 20–90 %.
    public var minimumScore: Double
    /// The leader must have this many times the votes of any other announcement. Two
    /// announcements that begin with the same words in the same voice ("您拨打的…") gather
    /// the same votes until the words differ; a margin of 1.5 let noise in that shared part
    /// decide for the wrong one (2 of 200 in the generated families), 2 never did.
    public var margin: Double
    /// …or this many times, once the runner-up has gained nothing for `idleColumns` while
    /// the leader is still gaining (its last vote at most `activeColumns` ago) and has
    /// `minimumVotes` more than the runner-up: the shared words are over, and only the leader
    /// goes on matching — on its own words, enough for a match by themselves. A family
    /// member heard from its start is then named about a second sooner. A leader that
    /// stopped gaining is refused: a recording nobody taught that shares its first words
    /// (and by chance the next syllable) with a learned one matches it for a moment, then not.
    public var idleMargin: Double
    /// 1 s: longer than the pause between two phrases.
    public var idleColumns: Int
    /// 0.2 s.
    public var activeColumns: Int

    public init(minimumVotes: Int, minimumScore: Double, margin: Double, idleMargin: Double = 1.5, idleColumns: Int = 50,
                activeColumns: Int = 10) {
        self.minimumVotes = minimumVotes
        self.minimumScore = minimumScore
        self.margin = margin
        self.idleMargin = idleMargin
        self.idleColumns = idleColumns
        self.activeColumns = activeColumns
    }

    public static let `default` = AnnouncementMatchRule(minimumVotes: 15, minimumScore: 0.1, margin: 2)

    /// Whether the leader of `standings`, out of `heard` landmarks looked up, is the announcement.
    public func accepts(_ standings: AnnouncementVotes.Standings, heard: Int) -> Bool {
        let votes = Double(standings.votes), runnerUp = Double(standings.runnerUp)
        guard standings.votes >= minimumVotes, votes >= minimumScore * Double(heard) else { return false }
        if votes >= margin * runnerUp { return true }
        return standings.runnerUpIdle >= idleColumns && standings.leaderIdle <= activeColumns
            && votes >= idleMargin * runnerUp && standings.votes - standings.runnerUp >= minimumVotes
    }
}
