/// Where the voice was in a call's audio, frame by frame (20 ms): when it began, how much of
/// the recent audio was voiced, and whether the first utterance has ended with a pause.
/// A first "utterance" too short to be one (a click) is forgotten when the pause comes.
public struct SpeechTimeline: Sendable {
    /// The frames of the window over which the voiced share is counted.
    public let window: Int
    private let pauseFrames: Int
    private let minimumSpeechFrames: Int

    public private(set) var frames = 0
    /// The first frame of the first utterance.
    public private(set) var firstVoice: Int?
    public private(set) var lastVoice = -1
    /// Voiced frames of the first utterance, until its pause.
    private var utteranceVoiced = 0
    /// Length (first to last voiced frame) of the first utterance, once a pause ended it.
    public private(set) var firstUtterance: Int?
    private var recent: [Bool]
    public private(set) var recentVoiced = 0

    public init(window: Int, pauseFrames: Int, minimumSpeechFrames: Int) {
        self.window = window
        self.pauseFrames = pauseFrames
        self.minimumSpeechFrames = minimumSpeechFrames
        recent = [Bool](repeating: false, count: window)
    }

    public mutating func receive(voice: Bool) {
        let slot = frames % window
        if recent[slot] { recentVoiced -= 1 }
        recent[slot] = voice
        if voice {
            recentVoiced += 1
            if firstVoice == nil { firstVoice = frames }
            lastVoice = frames
            if firstUtterance == nil { utteranceVoiced += 1 }
        }
        frames += 1
        if let first = firstVoice, firstUtterance == nil, quietFrames >= pauseFrames {
            if utteranceVoiced >= minimumSpeechFrames {
                firstUtterance = lastVoice - first + 1
            } else {
                firstVoice = nil
                utteranceVoiced = 0
            }
        }
    }

    /// Frames since the last voiced one (all of them when none was).
    public var quietFrames: Int { frames - 1 - lastVoice }

    /// Frames since the first utterance began (0 before it).
    public var sinceFirstVoice: Int { firstVoice.map { frames - $0 } ?? 0 }
}
