/// How long the customer listened to a prompt (放音时长, the 接听时间 of a voice
/// broadcast): from the moment audio started until the prompt ended or the customer hung
/// up, whichever came first. Reports use it to find customers who heard the message out.
public struct ListeningTime: Sendable, Equatable {
    public var listened: Duration
    public var promptLength: Duration

    public init(promptStartedAt start: Duration, promptLength: Duration, hangupAt hangup: Duration?) {
        self.promptLength = promptLength
        let end = hangup.map { min($0, start + promptLength) } ?? start + promptLength
        self.listened = max(.zero, end - start)
    }

    /// True when the prompt played to the end (within one 20 ms frame).
    public var heardToEnd: Bool { listened + .milliseconds(20) >= promptLength }

    /// Share of the prompt heard, 0…1.
    public var fraction: Double {
        let total = Double(promptLength.components.seconds) + Double(promptLength.components.attoseconds) / 1e18
        guard total > 0 else { return 1 }
        let heard = Double(listened.components.seconds) + Double(listened.components.attoseconds) / 1e18
        return min(1, heard / total)
    }
}
