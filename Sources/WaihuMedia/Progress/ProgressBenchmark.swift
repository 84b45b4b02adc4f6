import Foundation

/// `waihu bench progress`: learns a set of generated announcements, then analyses many calls'
/// worth of generated early media and post-answer audio (docs/call-progress-analysis.md),
/// single-threaded and interleaved frame by frame as a media thread would see them, and
/// reports the CPU per second of audio and the accuracy per class. All audio is made by
/// `SyntheticProgressAudio` from the seed: a run is repeatable.
public enum ProgressBenchmark {
    public struct Options: Sendable {
        public var calls = 1000
        public var announcements = 200
        /// Seconds of audio per call.
        public var seconds = 8.0
        public var seed: UInt64 = 1

        public init(calls: Int = 1000, announcements: Int = 200, seconds: Double = 8, seed: UInt64 = 1) {
            self.calls = calls
            self.announcements = announcements
            self.seconds = seconds
            self.seed = seed
        }
    }

    /// What a generated call really plays.
    public enum Truth: String, CaseIterable, Codable, Sendable {
        /// Early media: a learned announcement (a quarter after an intercept tone).
        case announcement
        /// After the answer: a learned secretary announcement (秘书台).
        case secretary
        /// Early media: an announcement nobody taught (half of them begin with the same
        /// words as four learned ones).
        case unlearned
        case busy, congestion, ringback, sit
        /// After the answer: "喂？…" and quiet.
        case human
        /// Early media: line noise only.
        case noise

        /// What the analyser should find.
        public var expected: String {
            switch self {
            case .announcement, .secretary: return "announcement"
            case .unlearned: return "unknown"
            case .busy, .congestion, .ringback, .sit, .human: return rawValue
            case .noise: return "nothing"
            }
        }

        /// Share of the calls, per cent.
        var weight: Int {
            switch self {
            case .announcement: return 40
            case .secretary: return 6
            case .unlearned: return 6
            case .busy, .congestion, .ringback: return 8
            case .sit: return 6
            case .human: return 14
            case .noise: return 4
            }
        }
    }

    /// The labels given to the learned announcements, in turn (a sixth are secretaries).
    static let labels = ["vacant", "suspended", "powered_off", "unreachable", "busy", "secretary"]
    /// Announcements learned in families of this many (same voice, same first words); the
    /// first half of the set, the rest are on their own.
    static let familySize = 4

    struct Call {
        var truth: Truth
        var phase: CallProgressPhase
        var audio: [Int16]
        /// Where the sound to recognise begins (after leading silence or an intercept tone).
        var soundStart: Int
        /// The learned announcement it plays.
        var expectedID: Int?
    }

    public static func run(_ options: Options, progress: (String) -> Void = { _ in }) -> ProgressBenchmarkReport {
        let count = max(options.announcements, familySize)
        let families = count / 2 / familySize
        func family(of id: Int) -> UInt64? { id < families * familySize ? UInt64(id / familySize) : nil }
        progress("generating and learning \(count) announcements")
        let learnStart = ThreadCPUTime.now()
        var learned: [LearnedAnnouncement] = []
        var recordings: [[Int16]] = []
        var fingerprintSeconds = 0.0
        for id in 0..<count {
            var random = SeededAudioRandom(seed: options.seed &* 1_000_003 &+ UInt64(id))
            let seconds = random.uniform(5...9)
            let audio = SyntheticProgressAudio.announcement(seed: options.seed &* 7_777 &+ UInt64(id), seconds: seconds, family: family(of: id))
            recordings.append(audio)
            let started = ThreadCPUTime.now()
            let fingerprint = AudioFingerprint(samples: audio)
            fingerprintSeconds += ThreadCPUTime.now() - started
            learned.append(LearnedAnnouncement(id: id, label: labels[id % labels.count], name: "generated \(id)", fingerprint: fingerprint))
        }
        let indexStart = ThreadCPUTime.now()
        let index = AnnouncementIndex(learned)
        let indexSeconds = ThreadCPUTime.now() - indexStart
        progress(String(format: "learned in %.1f s (fingerprints %.1f ms each, index %.2f s, %d landmarks)",
                        ThreadCPUTime.now() - learnStart, fingerprintSeconds * 1000 / Double(count), indexSeconds, index.postingCount))

        progress("generating \(options.calls) calls of \(options.seconds) s")
        let calls = (0..<options.calls).map { makeCall($0, options: options, recordings: recordings, families: families) }

        progress("analysing")
        let frameCount = Int(options.seconds * 50)
        var analysers = calls.map { CallProgressAnalyser(index: index, phase: $0.phase) }
        var results = [(final: CallProgressDetection?, other: CallProgressDetection?, frame: Int)](repeating: (nil, nil, -1), count: calls.count)
        var activeFrames = 0
        let cpuStart = ThreadCPUTime.now()
        let wallStart = ContinuousClock.now
        for frame in 0..<frameCount {
            let start = frame * 160
            for call in 0..<calls.count {
                if !analysers[call].isFinished { activeFrames += 1 }
                let detection = calls[call].audio.withUnsafeBufferPointer { audio in
                    analysers[call].analyse(UnsafeBufferPointer(rebasing: audio[start..<start + 160]))
                }
                guard let detection else { continue }
                if detection.isFinal {
                    results[call].final = detection
                    results[call].frame = frame
                } else if results[call].final == nil {
                    results[call].other = detection
                    results[call].frame = frame
                }
            }
        }
        let cpuSeconds = ThreadCPUTime.now() - cpuStart
        let wallSeconds = Double((ContinuousClock.now - wallStart).components.attoseconds) / 1e18
            + Double((ContinuousClock.now - wallStart).components.seconds)

        var outcomes: [ProgressBenchmarkReport.Outcome] = []
        for (call, result) in zip(calls, results) {
            let found: String
            var score: Double?
            switch result.final ?? result.other {
            case .announcement(let match)?:
                found = match.id == call.expectedID ? "announcement" : "wrong announcement"
                score = match.score
            case .unknownAnnouncement?: found = "unknown"
            case .tone(let kind)?: found = kind.evidenceName
            case .human?: found = "human"
            case nil: found = "nothing"
            }
            let seconds = result.frame < 0 ? nil : Double((result.frame + 1) * 160 - call.soundStart) / 8000
            outcomes.append(.init(truth: call.truth, found: found, seconds: seconds, score: score))
        }
        return ProgressBenchmarkReport(options: options, learnedAnnouncements: count, families: families,
                                       indexLandmarks: index.postingCount, fingerprintMilliseconds: fingerprintSeconds * 1000 / Double(count),
                                       audioSeconds: Double(calls.count * frameCount) / 50, analysedSeconds: Double(activeFrames) / 50,
                                       cpuSeconds: cpuSeconds, wallSeconds: wallSeconds, outcomes: outcomes)
    }

    static func makeCall(_ number: Int, options: Options, recordings: [[Int16]], families: Int) -> Call {
        var random = SeededAudioRandom(seed: options.seed &* 31_337 &+ UInt64(number) &* 2_654_435_761)
        var pick = Int(random.unit() * 100)
        var truth = Truth.noise
        for candidate in Truth.allCases {
            if pick < candidate.weight { truth = candidate; break }
            pick -= candidate.weight
        }
        let total = Int(options.seconds * 8000)
        let lead = SyntheticProgressAudio.silence(seconds: Double(random.uniform(0...1)))
        var sound: [Int16]
        var prefix = lead
        var expectedID: Int?
        var phase = CallProgressPhase.earlyMedia
        var signalToNoise: Float = random.uniform(30...40)
        switch truth {
        case .announcement, .secretary:
            var id = Int(random.unit() * Float(recordings.count)) % recordings.count
            if truth == .secretary {
                let secretary = labels.firstIndex(of: "secretary")!
                id = id - id % labels.count + secretary
                if id >= recordings.count { id -= labels.count }
                phase = .afterAnswer
            } else if random.unit() < 0.25 {
                prefix += SyntheticProgressAudio.tone(.specialInformation, seconds: 1.3, level: -6)
            }
            expectedID = id
            let recording = recordings[id]
            // Early media: half from the start, half joined somewhere with at least 3 s left.
            // After the answer the service plays its message from the start.
            let joined = truth == .announcement && random.unit() < 0.5
            let cut = joined ? Int(random.unit() * Float(max(recording.count - 3 * 8000, 1))) : 0
            sound = Array(recording[cut...])
            while sound.count < total { sound += SyntheticProgressAudio.silence(seconds: 0.5) + recording }
        case .unlearned:
            let family: UInt64? = random.unit() < 0.5 && families > 0 ? UInt64(Int(random.unit() * Float(families)) % families) : nil
            let recording = SyntheticProgressAudio.announcement(seed: options.seed &* 9_999_991 &+ UInt64(number), seconds: random.uniform(5...9), family: family)
            sound = recording
            while sound.count < total { sound += SyntheticProgressAudio.silence(seconds: 0.5) + recording }
        case .busy, .congestion, .ringback, .sit:
            let kind: ToneKind = truth == .busy ? .busy : truth == .congestion ? .congestion : truth == .ringback ? .ringback : .specialInformation
            let cycle = SyntheticProgressAudio.cadence(of: kind).reduce(0) { $0 + $1.seconds }
            sound = SyntheticProgressAudio.tone(kind, seconds: options.seconds, level: -10, start: Double(random.unit()) * cycle,
                                                timing: Double(random.uniform(0.9...1.1)))
            signalToNoise = 20
        case .human:
            phase = .afterAnswer
            sound = SyntheticProgressAudio.greeting(seed: options.seed &* 4_099 &+ UInt64(number), silence: options.seconds)
        case .noise:
            sound = random.unit() < 0.5
                ? SyntheticProgressAudio.noise(seconds: options.seconds, level: -20, random: &random)
                : SyntheticProgressAudio.brownishNoise(seconds: options.seconds, level: -20, random: &random)
        }
        let channel = SimulatedChannel(level: random.uniform(-20...0), signalToNoise: truth == .noise ? nil : signalToNoise,
                                       codec: random.unit() < 0.5 ? .pcma : .pcmu, loss: 0.03, slips: 0.005)
        var audio = channel.apply(prefix + sound, random: &random)
        if audio.count < total { audio += [Int16](repeating: 0, count: total - audio.count) }
        return Call(truth: truth, phase: phase, audio: Array(audio.prefix(total)), soundStart: prefix.count, expectedID: expectedID)
    }
}
