/// A learned announcement recognised in a call's audio.
public struct AnnouncementMatch: Sendable, Equatable {
    public var id: Int
    public var label: String
    public var name: String
    /// Share of the landmarks heard since the sound began that agree with the announcement
    /// at one time offset (0…1). Clean audio gives about 0.5–0.9; G.711, loss and a low
    /// level lower it; anything else (another announcement, a voice, noise) stays near 0.
    public var score: Double
    /// The landmarks that agreed (at the best offset, ±1 column).
    public var votes: Int

    public init(id: Int, label: String, name: String, score: Double, votes: Int = 0) {
        self.id = id
        self.label = label
        self.name = name
        self.score = score
        self.votes = votes
    }
}
