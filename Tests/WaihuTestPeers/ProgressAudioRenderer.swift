import Foundation

/// Makes `ProgressAudio` sounds with espeak-ng and sox, once per test process: a sound is
/// spoken and resampled the first time it is asked for, then read from the cache directory.
final class ProgressAudioRenderer: @unchecked Sendable {
    static let shared = ProgressAudioRenderer()

    /// Samples per 20 ms at 8 kHz: every clip is a whole number of RTP frames, or SIPp's
    /// `rtp_stream` fills the last packet with the file's beginning.
    static let frame = 160

    private let lock = NSLock()
    private var made: [String: URL] = [:]
    let directory: URL

    private init() {
        let temporary = FileManager.default.temporaryDirectory
        let pid = ProcessInfo.processInfo.processIdentifier
        directory = temporary.appendingPathComponent("waihu-progress-audio-\(pid)")
        Self.removeDirectoriesOfEndedProcesses(in: temporary)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func wav8k(_ sound: ProgressAudio.Sound) throws -> URL {
        try cached(Self.name(sound) + ".wav") { url in
            try TestTone.writeMonoWAV(try self.render(sound), to: url.path)
        }
    }

    func clip(_ sound: ProgressAudio.Sound, codec: ProgressAudio.Codec) throws -> URL {
        let wav = try wav8k(sound)
        return try cached(Self.name(sound) + "." + codec.soxType) { url in
            try Self.run("/usr/bin/sox", ["-D", wav.path, "-t", codec.soxType, url.path])
        }
    }

    func samples(_ sound: ProgressAudio.Sound) throws -> [Int16] {
        try WAVAnalysis(path: wav8k(sound).path).samples[0].map { Int16(($0 * 32768).rounded()) }
    }

    /// The file `name` in the cache, made by `make` the first time (under the lock: two tests
    /// asking at once get one rendering).
    private func cached(_ name: String, make: (URL) throws -> Void) throws -> URL {
        try lock.withLock {
            if let url = made[name] { return url }
            let url = directory.appendingPathComponent(name)
            try make(url)
            made[name] = url
            return url
        }
    }

    // MARK: Rendering

    private func render(_ sound: ProgressAudio.Sound) throws -> [Int16] {
        switch sound {
        case let .announcement(announcement, voice, speed, levelDB, offsetMS):
            var speech = try speak(announcement.words.chinese, voice: voice, speed: speed)
            if let english = announcement.words.english {
                speech += Self.silence(ms: 500) + (try speak(english, voice: Self.englishVoice(voice), speed: speed))
            }
            speech = Self.normalised(speech)
            if announcement.endsWithBeep {
                speech += Self.silence(ms: 400) + Self.sine(1000, ms: 500, peak: 0.5)
            }
            return Self.framed(Self.silence(ms: offsetMS) + Self.scaled(speech, db: levelDB) + Self.silence(ms: 300))
        case let .greeting(greeting, voice, speed, levelDB, offsetMS, silenceAfterMS):
            let speech = Self.normalised(try speak(greeting.words, voice: voice, speed: speed))
            return Self.framed(Self.silence(ms: offsetMS) + Self.scaled(speech, db: levelDB) + Self.silence(ms: silenceAfterMS))
        case let .tone(tone, seconds, levelDB, offsetMS):
            let tone = Self.tone(tone, samples: Int(seconds * 8000), peak: pow(10, levelDB / 20))
            return Self.framed(Self.silence(ms: offsetMS) + tone)
        case let .silence(seconds):
            return Self.framed(Self.silence(ms: Int(seconds * 1000)))
        }
    }

    /// espeak-ng speaks at 22 050 Hz; sox takes it to 8 kHz (no dither: the same text gives
    /// the same bytes every time, like a carrier's recording).
    private func speak(_ text: String, voice: ProgressAudio.Voice, speed: Int) throws -> [Double] {
        try PeerProcess.require("/usr/bin/espeak-ng")
        try PeerProcess.require("/usr/bin/sox")
        let stem = directory.appendingPathComponent("speech-\(UUID().uuidString.prefix(8))")
        let spoken = stem.appendingPathExtension("22k.wav")
        let resampled = stem.appendingPathExtension("8k.wav")
        defer {
            try? FileManager.default.removeItem(at: spoken)
            try? FileManager.default.removeItem(at: resampled)
        }
        try Self.run("/usr/bin/espeak-ng", ["-v", voice.name, "-s", "\(speed)", "-p", "\(voice.pitch)", "-w", spoken.path, text])
        try Self.run("/usr/bin/sox", ["-D", spoken.path, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", resampled.path])
        return try WAVAnalysis(path: resampled.path).samples[0]
    }

    private static func englishVoice(_ voice: ProgressAudio.Voice) -> ProgressAudio.Voice {
        let variant = voice.name.split(separator: "+").dropFirst().first.map { "+" + $0 } ?? ""
        return ProgressAudio.Voice(name: "en" + variant, pitch: voice.pitch)
    }

    private static func tone(_ tone: ProgressAudio.Tone, samples count: Int, peak: Double) -> [Double] {
        // (frequency or 0 for silence, milliseconds), repeated.
        let cadence: [(Double, Int)] = switch tone {
        case .ringback: [(450, 1000), (0, 4000)]
        case .busy: [(450, 350), (0, 350)]
        case .congestion: [(450, 700), (0, 700)]
        case .specialInformation: [(950, 330), (1400, 330), (1800, 330), (0, 1000)]
        }
        var out: [Double] = []
        out.reserveCapacity(count)
        while out.count < count {
            for (frequency, ms) in cadence {
                out += frequency == 0 ? silence(ms: ms) : sine(frequency, ms: ms, peak: peak)
            }
        }
        return Array(out.prefix(count))
    }

    private static func sine(_ frequency: Double, ms: Int, peak: Double) -> [Double] {
        (0..<(ms * 8)).map { peak * sin(2 * .pi * frequency * Double($0) / 8000) }
    }

    private static func silence(ms: Int) -> [Double] { [Double](repeating: 0, count: max(0, ms) * 8) }

    /// Peak at −1 dBFS: the reference level the `levelDB` of a sound is relative to.
    private static func normalised(_ samples: [Double]) -> [Double] {
        let peak = samples.map(abs).max() ?? 0
        guard peak > 0 else { return samples }
        let gain = pow(10, -1.0 / 20) / peak
        return samples.map { $0 * gain }
    }

    private static func scaled(_ samples: [Double], db: Double) -> [Double] {
        let gain = pow(10, db / 20)
        return samples.map { $0 * gain }
    }

    private static func framed(_ samples: [Double]) -> [Int16] {
        let padded = samples + [Double](repeating: 0, count: (frame - samples.count % frame) % frame)
        return padded.map { Int16(max(-32768, min(32767, ($0 * 32767).rounded()))) }
    }

    /// A file name that says what the sound is: `announcement-vacant-cmn-latn-pinyin-p50-s160-l-12-o300`.
    static func name(_ sound: ProgressAudio.Sound) -> String {
        func db(_ value: Double) -> String { String(format: "%g", value) }
        let name: String = switch sound {
        case let .announcement(a, voice, speed, level, offset):
            "announcement-\(a.rawValue)-\(voice.name)-p\(voice.pitch)-s\(speed)-l\(db(level))-o\(offset)"
        case let .greeting(g, voice, speed, level, offset, after):
            "greeting-\(g.rawValue)-\(voice.name)-p\(voice.pitch)-s\(speed)-l\(db(level))-o\(offset)-a\(after)"
        case let .tone(t, seconds, level, offset):
            "tone-\(t.rawValue)-\(db(seconds))s-l\(db(level))-o\(offset)"
        case let .silence(seconds):
            "silence-\(db(seconds))s"
        }
        return name.replacingOccurrences(of: "+", with: "_")
    }

    // MARK: Tools

    /// Runs a short tool to its end. Polls instead of `waitUntilExit`, which can hang a test run.
    static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            throw ProgressAudioError.toolFailed(executable, arguments, status: nil, output: "still running after 30 s")
        }
        let text = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ProgressAudioError.toolFailed(executable, arguments, status: process.terminationStatus, output: text)
        }
    }

    /// Cache directories of test processes that have ended (`kill(pid, 0)` fails) are removed,
    /// so repeated runs do not fill the temporary directory.
    private static func removeDirectoriesOfEndedProcesses(in temporary: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix("waihu-progress-audio-") {
            guard let pid = Int32(name.dropFirst("waihu-progress-audio-".count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }
}
