/// How a prompt playback ended, for the listening-time report.
public struct PlaybackOutcome: Sendable, Equatable {
    public var played: Duration
    /// False when stopped early (the leg hung up or another prompt replaced it).
    public var completed: Bool

    public init(played: Duration, completed: Bool) {
        self.played = played
        self.completed = completed
    }
}
