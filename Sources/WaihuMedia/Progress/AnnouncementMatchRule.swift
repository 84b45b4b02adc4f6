/// When the votes are enough to name an announcement. The figures come from the generated
/// set of `waihu bench progress` (docs/call-progress-analysis.md): a learned announcement
/// heard through G.711 with 3 % loss gathers 40–200 aligned votes in 3 s, while speech,
/// greetings, noise and tones that were never learned, heard against 200 announcements,
/// gather at most about 10 that also pass the score and margin tests.
public struct AnnouncementMatchRule: Sendable, Equatable {
    /// Aligned votes (one time offset ±1 column) for the leader: 15 is half again the most
    /// that unrelated audio reached in the generated set, and a learned announcement gets
    /// there in about 1.1 s (95 % within 2 s).
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
    /// the leader gained at least half `minimumVotes` more than it: the shared words are
    /// over and only the leader goes on matching. A family member is then named about a
    /// second sooner; a runner-up still gaining votes may yet win, and `margin` applies.
    public var idleMargin: Double
    /// 0.5 s: longer than the gap between two words of one sentence.
    public var idleColumns: Int

    public init(minimumVotes: Int, minimumScore: Double, margin: Double, idleMargin: Double = 1.25, idleColumns: Int = 25) {
        self.minimumVotes = minimumVotes
        self.minimumScore = minimumScore
        self.margin = margin
        self.idleMargin = idleMargin
        self.idleColumns = idleColumns
    }

    public static let `default` = AnnouncementMatchRule(minimumVotes: 15, minimumScore: 0.1, margin: 2)

    /// Whether the leader of `standings`, out of `heard` landmarks looked up, is the announcement.
    public func accepts(_ standings: AnnouncementVotes.Standings, heard: Int) -> Bool {
        let votes = Double(standings.votes), runnerUp = Double(standings.runnerUp)
        guard standings.votes >= minimumVotes, votes >= minimumScore * Double(heard) else { return false }
        if votes >= margin * runnerUp { return true }
        return standings.runnerUpIdle >= idleColumns && votes >= idleMargin * runnerUp
            && standings.votes - standings.runnerUp >= (minimumVotes + 1) / 2
    }
}
