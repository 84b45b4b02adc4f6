/// Listens to one call's audio, 20 ms at a time, and says once it is certain what it hears:
/// a call-progress tone (`ToneDetector` + `ToneCadence`), a learned announcement
/// (`SpectralPeakHasher` + `AnnouncementIndex`), an announcement nobody taught, or a person.
///
/// A value, one per call leg and phase; the index is shared. A silent call costs a Goertzel
/// pass per frame and allocates nothing (the fingerprint state is made at the first sound).
/// After a final detection (`CallProgressDetection.isFinal`) it only keeps the audio for
/// `heardAudio`; after ringback, an intercept tone or an unknown announcement it goes on
/// listening for what follows.
public struct CallProgressAnalyser: Sendable {
    public let phase: CallProgressPhase
    public let configuration: CallProgressConfiguration
    private let index: AnnouncementIndex
    private let detector = ToneDetector()
    private var cadence = ToneCadence()
    private var hasher: SpectralPeakHasher?
    private var votes: AnnouncementVotes
    private var landmarks: [Landmark] = []
    private var timeline: SpeechTimeline
    private var finished = false
    /// `unknownAnnouncement` was reported; a learned one may still be matched after it.
    private var reportedUnknown = false
    /// The voice flags of the last 16 frames, newest in the lowest bit.
    private var recentVoice: UInt16 = 0
    /// Latched once a voice is sustained (`voiceOnset`): from then on landmarks are looked up.
    private var heardVoice = false
    /// 5 voiced frames among the last 10: speech gets there within 0.2 s, noise (under 1 %
    /// of its frames voiced) practically never.
    static let voiceOnset = (voiced: 5, of: 10)

    /// Frames given to `analyse` so far.
    public private(set) var framesAnalysed = 0
    /// The first `configuration.heardAudioLimit` samples heard (8 s), to save as a WAV and
    /// teach an unknown announcement.
    public private(set) var heardAudio: [Int16] = []

    public init(index: AnnouncementIndex, phase: CallProgressPhase, configuration: CallProgressConfiguration = .default) {
        self.index = index
        self.phase = phase
        self.configuration = configuration
        votes = index.makeVotes()
        timeline = SpeechTimeline(window: configuration.unknownAnnouncementFrames, pauseFrames: configuration.greetingPauseFrames,
                                  minimumSpeechFrames: configuration.minimumSpeechFrames)
    }

    /// Whether a final detection was made (the analyser no longer listens).
    public var isFinished: Bool { finished }

    public mutating func analyse(_ frame: [Int16]) -> CallProgressDetection? {
        frame.withUnsafeBufferPointer { analyse($0) }
    }

    /// One frame of 8 kHz audio (160 samples; other lengths work, timings assume 20 ms).
    public mutating func analyse(_ frame: UnsafeBufferPointer<Int16>) -> CallProgressDetection? {
        framesAnalysed += 1
        keep(frame)
        guard !finished else { return nil }
        let toneFrame = detector.detect(frame)
        var summary = SpectrumSummary.silent
        if hasher != nil || toneFrame.power >= SpectralPeakHasher.silenceFloor {
            summary = spectrum(frame, power: toneFrame.power)
        }
        let voice = isVoice(toneFrame, summary)
        recentVoice = recentVoice << 1 | (voice ? 1 : 0)
        if !heardVoice {
            let window = recentVoice & (1 << Self.voiceOnset.of - 1)
            heardVoice = window.nonzeroBitCount >= Self.voiceOnset.voiced
        }
        // An announcement is a voice: the landmarks before a sustained voice (noise, a tone)
        // are not looked up, so they neither collect chance votes nor dilute the score.
        if heardVoice, !landmarks.isEmpty, !index.isEmpty {
            for landmark in landmarks { index.lookUp(landmark, into: &votes) }
            if let matched = index.decide(votes) { return finish(.announcement(matched)) }
        }
        timeline.receive(voice: voice)
        if let kind = cadence.receive(toneFrame) {
            let detection = CallProgressDetection.tone(kind)
            return detection.isFinal ? finish(detection) : detection
        }
        return voiceDecision()
    }

    private mutating func finish(_ detection: CallProgressDetection) -> CallProgressDetection {
        finished = true
        return detection
    }

    private mutating func keep(_ frame: UnsafeBufferPointer<Int16>) {
        let room = configuration.heardAudioLimit - heardAudio.count
        guard room > 0 else { return }
        if heardAudio.isEmpty { heardAudio.reserveCapacity(configuration.heardAudioLimit) }
        heardAudio.append(contentsOf: frame.prefix(room))
    }

    /// Adds the frame to the spectrogram; its new landmarks are left in `landmarks`.
    private mutating func spectrum(_ frame: UnsafeBufferPointer<Int16>, power: Float) -> SpectrumSummary {
        if hasher == nil {
            hasher = SpectralPeakHasher()
            landmarks.reserveCapacity(256)
        }
        landmarks.removeAll(keepingCapacity: true)
        return hasher!.push(frame, power: power, into: &landmarks)
    }

    private func isVoice(_ tone: ToneFrame, _ summary: SpectrumSummary) -> Bool {
        guard tone.tone == nil, summary.audible, tone.power >= configuration.voiceFloor else { return false }
        if summary.flatness <= configuration.maximumVoiceFlatness { return true }
        return (hasher?.periodicity() ?? 0) >= configuration.minimumVoicePeriodicity
    }

    private mutating func voiceDecision() -> CallProgressDetection? {
        guard timeline.firstVoice != nil else { return nil }
        switch phase {
        case .earlyMedia:
            let share = Double(timeline.recentVoiced) / Double(timeline.window)
            if !reportedUnknown, timeline.sinceFirstVoice >= configuration.unknownAnnouncementFrames,
               share >= configuration.unknownVoiceShare {
                // Said once, and matching goes on: announcements that share their first words
                // ("您拨打的电话已…关机 / 停机") are told apart only further in.
                reportedUnknown = true
                return .unknownAnnouncement
            }
        case .afterAnswer:
            if timeline.sinceFirstVoice >= configuration.humanDecisionFrames { return finish(.human) }
            if let utterance = timeline.firstUtterance, utterance <= configuration.greetingMaximumFrames, !matchBuilding {
                return finish(.human)
            }
        }
        return nil
    }

    /// Votes are gathering for one announcement (a third of what a match needs, and twice
    /// the runner-up's): a pause in a recording ("您好，[pause] 您拨打的…") is then not yet a
    /// person, and the decision waits for the match or for `humanDecisionFrames`. A real
    /// greeting rarely has more than 4 chance votes by its pause, and seldom that clear a lead.
    private var matchBuilding: Bool {
        guard let standings = votes.standings() else { return false }
        return standings.votes * 3 >= index.rule.minimumVotes && Double(standings.votes) >= index.rule.margin * Double(standings.runnerUp)
    }
}
