import Foundation

/// Test-audio generators for call-progress analysis, shared by the unit tests and
/// `waihu bench progress`; nothing here runs on a call. Everything is 8 kHz mono, seeded,
/// and made in memory, so no recording needs to be kept in the repository.
public enum SyntheticProgressAudio {
    /// A sine of `frequency` at `level` dBFS (peak) for `seconds`.
    public static func sine(_ frequency: Float, seconds: Double, level: Float, phase: Float = 0) -> [Int16] {
        let amplitude = amplitude(level)
        let step = 2 * Float.pi * frequency / 8000
        return (0..<Int(seconds * 8000)).map { Int16((amplitude * sin(phase + step * Float($0))).rounded()) }
    }

    /// Silence (digital zero) for `seconds`.
    public static func silence(seconds: Double) -> [Int16] {
        [Int16](repeating: 0, count: Int(seconds * 8000))
    }

    /// The on/off pattern of a tone, in seconds, and its frequencies (one per on-segment).
    public static func cadence(of kind: ToneKind) -> [(frequency: Float?, seconds: Double)] {
        switch kind {
        case .ringback: return [(450, 1), (nil, 4)]
        case .busy: return [(450, 0.35), (nil, 0.35)]
        case .congestion: return [(450, 0.7), (nil, 0.7)]
        case .specialInformation: return [(950, 0.33), (1400, 0.33), (1800, 0.33), (nil, 1)]
        }
    }

    /// `seconds` of a call-progress tone at `level` dBFS, its cadence starting `start`
    /// seconds into a cycle (the media may begin anywhere in it), each duration scaled by
    /// `timing` (a carrier 10 % slow: 1.1).
    public static func tone(_ kind: ToneKind, seconds: Double, level: Float, start: Double = 0, timing: Double = 1) -> [Int16] {
        let pattern = cadence(of: kind).map { ($0.frequency, $0.seconds * timing) }
        let cycle = pattern.reduce(0) { $0 + $1.1 }
        let amplitude = amplitude(level)
        let total = Int(seconds * 8000)
        var samples = [Int16](repeating: 0, count: total)
        for index in 0..<total {
            var t = (start + Double(index) / 8000).truncatingRemainder(dividingBy: cycle)
            for (frequency, length) in pattern {
                if t < length {
                    if let frequency {
                        samples[index] = Int16((amplitude * sin(2 * Float.pi * frequency * Float(index) / 8000)).rounded())
                    }
                    break
                }
                t -= length
            }
        }
        return samples
    }

    /// A recorded announcement of about `seconds` (speech-like, seeded: the same seed is the
    /// same recording), peak near full scale. Announcements of one `family` have the same
    /// voice and begin with the same words (about `prefixSeconds`), as one carrier's
    /// "您拨打的号码是空号" and "您拨打的电话已关机" do; then they differ.
    public static func announcement(seed: UInt64, seconds: Float = 8, family: UInt64? = nil, prefixSeconds: Float = 0.8) -> [Int16] {
        var random = SeededAudioRandom(seed: seed &* 7919 &+ 1)
        guard let family else {
            let voice = SyntheticSpeech.Voice.random(&random)
            let script = SyntheticSpeech.Script.random(seconds: seconds, &random)
            return SyntheticSpeech.render(script, voice: voice, random: &random)
        }
        var shared = SeededAudioRandom(seed: family &* 15_485_863 &+ 5)
        let voice = SyntheticSpeech.Voice.random(&shared)
        let prefix = SyntheticSpeech.Script.phrase(seconds: prefixSeconds, &shared)
        let rest = SyntheticSpeech.Script.random(seconds: seconds - prefixSeconds, &random)
        // The shared words are the same samples in every member (one recorded prompt, then
        // another, as an IVR plays them), so only the words after them tell members apart.
        return SyntheticSpeech.render(prefix, voice: voice, random: &shared) + SyntheticSpeech.render(rest, voice: voice, random: &random)
    }

    /// A person answering: "喂？" and maybe a word or two (at most about 1.8 s), then
    /// `silence` seconds of quiet while they wait for an answer.
    public static func greeting(seed: UInt64, silence: Double = 1.5) -> [Int16] {
        var random = SeededAudioRandom(seed: seed &* 104_729 &+ 3)
        let voice = SyntheticSpeech.Voice.random(&random)
        let script = SyntheticSpeech.Script.greeting(&random)
        return SyntheticSpeech.render(script, voice: voice, random: &random) + Self.silence(seconds: silence)
    }

    /// White Gaussian noise of RMS `level` dBFS (relative to a full-scale sine's RMS).
    public static func noise(seconds: Double, level: Float, random: inout SeededAudioRandom) -> [Int16] {
        let rms = amplitude(level) / Float(2).squareRoot()
        return (0..<Int(seconds * 8000)).map { _ in clamp(rms * random.gaussian()) }
    }

    /// Noise that falls 6 dB per octave (road, crowd, hum-free line noise), RMS about `level` dBFS.
    public static func brownishNoise(seconds: Double, level: Float, random: inout SeededAudioRandom) -> [Int16] {
        var state: Float = 0
        let raw: [Float] = (0..<Int(seconds * 8000)).map { _ in
            state = 0.97 * state + random.gaussian()
            return state
        }
        let rms = (raw.reduce(0) { $0 + $1 * $1 } / Float(max(raw.count, 1))).squareRoot()
        let gain = rms > 0 ? amplitude(level) / Float(2).squareRoot() / rms : 0
        return raw.map { clamp($0 * gain) }
    }

    /// Peak amplitude (of 32767) of `level` dBFS.
    public static func amplitude(_ level: Float) -> Float {
        32767 * pow(10, level / 20)
    }

    static func clamp(_ value: Float) -> Int16 {
        Int16(max(-32768, min(32767, value.rounded())))
    }
}
