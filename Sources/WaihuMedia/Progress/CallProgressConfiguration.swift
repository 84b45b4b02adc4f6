/// The analyser's timings and voice thresholds (frames are 20 ms).
public struct CallProgressConfiguration: Sendable, Equatable {
    /// Audio kept for teaching (`heardAudio`), samples: the first 8 s, enough for a
    /// fingerprint (a match needs 3 s) and small enough for a thousand calls (128 kB each).
    public var heardAudioLimit = 64_000
    /// Early media: this long (4 s) after the first voice, with `unknownVoiceShare` of it
    /// voiced, a recording is playing that matched nothing — a learned one matches within 3 s.
    public var unknownAnnouncementFrames = 200
    /// Share of voiced frames in the last `unknownAnnouncementFrames` (pauses between words
    /// and phrases, fricatives, and a quiet start make up the rest).
    public var unknownVoiceShare = 0.4
    /// After the answer: a first utterance at most this long (2 s: "喂？", "喂，你好")…
    public var greetingMaximumFrames = 100
    /// …followed by this much quiet (0.6 s: longer than a pause between words) is a person
    /// waiting for a reply; a recording goes on talking.
    public var greetingPauseFrames = 30
    /// After the answer: a person anyway this long (3.5 s) after the first voice when nothing
    /// matched; a learned announcement matches within 3 s of its start.
    public var humanDecisionFrames = 175
    /// An utterance needs this many voiced frames (80 ms); a click or a breath is not one.
    public var minimumSpeechFrames = 4
    /// A voiced frame is at least this loud (mean square of a sine of peak −50 dBFS).
    public var voiceFloor: Float = 0.5 * 1e-5
    /// …and periodic at a pitch (`SpectralPeakHasher.periodicity()` at least this: white
    /// noise reads 0.1–0.2, noise falling 6 dB an octave up to about 0.3, a voiced frame
    /// 0.45–0.9)…
    public var minimumVoicePeriodicity: Float = 0.35
    /// …or with harmonics that stand out (`SpectrumSummary.flatness` at most this: noise
    /// reads 0.55–0.7). Either is enough; the generated speech has about 80 % of its audible
    /// frames voiced by this test, noise under 1 %.
    public var maximumVoiceFlatness: Float = 0.3

    public init() {}

    public static let `default` = CallProgressConfiguration()
}
