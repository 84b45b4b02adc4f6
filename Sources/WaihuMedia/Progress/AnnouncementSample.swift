import Foundation

/// A recording offered for learning as an announcement (`waihu announcements learn FILE.wav`,
/// or the kept audio of a call): checked, brought to 8 kHz, and fingerprinted.
///
/// Accepted: 8 or 16 kHz, mono, 16-bit PCM (or G.711 µ-law / A-law), at least 1 s, not
/// silent. A 16 kHz recording is low-passed below 3.6 kHz and every second sample kept, so
/// it is fingerprinted as the telephone network would carry it.
public struct AnnouncementSample: Sendable {
    /// The shortest recording accepted (a match needs up to 3 s, so more is better).
    public static let minimumSeconds = 1.0
    /// RMS below this (−50 dBFS, relative to a full-scale sine) is silence: line noise alone.
    public static let minimumLevelDB = -50.0

    /// The audio at 8 kHz.
    public let samples: [Int16]
    public let fingerprint: AudioFingerprint

    public var durationSeconds: Double { Double(samples.count) / 8000 }

    /// From the bytes of a WAV file.
    public init(wav bytes: [UInt8]) throws {
        let file: WAVFile
        do {
            file = try WAVFile(bytes: bytes, sampleRates: [8000, 16000])
        } catch let error as WAVError {
            switch error {
            case .unsupportedFormat(let tag, let channels, let rate, let bits):
                if channels != 1 { throw AnnouncementSampleError.notMono(channels: Int(channels)) }
                if rate != 8000 && rate != 16000 { throw AnnouncementSampleError.unsupportedSampleRate(Int(rate)) }
                let encoding: String
                switch tag {
                case 1: encoding = "\(bits)-bit PCM"
                case 3: encoding = "floating point"
                default: encoding = "in format \(tag)"
                }
                throw AnnouncementSampleError.unsupportedEncoding(encoding)
            default:
                throw AnnouncementSampleError.unreadable(error.description)
            }
        }
        try self.init(wavFile: file)
    }

    public init(wavFile: WAVFile) throws {
        try self.init(samples: wavFile.samples, sampleRate: wavFile.sampleRate, channels: 1)
    }

    /// From linear samples (interleaved if `channels` > 1, which is refused).
    public init(samples: [Int16], sampleRate: Int, channels: Int) throws {
        guard channels == 1 else { throw AnnouncementSampleError.notMono(channels: channels) }
        guard sampleRate == 8000 || sampleRate == 16000 else { throw AnnouncementSampleError.unsupportedSampleRate(sampleRate) }
        let seconds = Double(samples.count) / Double(sampleRate)
        guard seconds >= Self.minimumSeconds else { throw AnnouncementSampleError.tooShort(seconds: seconds) }
        let narrow = sampleRate == 16000 ? Self.decimate(samples) : samples
        let level = Self.levelDB(narrow)
        guard level >= Self.minimumLevelDB else { throw AnnouncementSampleError.silent(levelDB: level) }
        self.samples = narrow
        fingerprint = AudioFingerprint(samples: narrow)
    }

    /// RMS in dB relative to a full-scale sine (so a full-scale sine reads 0).
    static func levelDB(_ samples: [Int16]) -> Double {
        guard !samples.isEmpty else { return -200 }
        let power = samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)
        return power > 0 ? 10 * log10(power / (32767.0 * 32767.0 / 2)) : -200
    }

    /// 16 kHz → 8 kHz: a 63-tap windowed-sinc low-pass (cut-off 3.6 kHz, Blackman window,
    /// over 60 dB down above 4 kHz) so nothing above the new Nyquist folds back, then every
    /// second sample.
    static func decimate(_ samples: [Int16]) -> [Int16] {
        let taps = decimationFilter
        let half = taps.count / 2
        let count = samples.count / 2
        var output = [Int16](repeating: 0, count: count)
        samples.withUnsafeBufferPointer { input in
            for index in 0..<count {
                let centre = 2 * index
                var sum: Float = 0
                for tap in 0..<taps.count {
                    let position = centre + tap - half
                    if position >= 0 && position < input.count { sum += taps[tap] * Float(input[position]) }
                }
                output[index] = Int16(max(-32768, min(32767, sum.rounded())))
            }
        }
        return output
    }

    static let decimationFilter: [Float] = {
        let length = 63
        let cutoff = 3600.0 / 16000
        let middle = Double(length - 1) / 2
        var taps = (0..<length).map { index -> Double in
            let x = Double(index) - middle
            let sinc = x == 0 ? 2 * cutoff : sin(2 * Double.pi * cutoff * x) / (Double.pi * x)
            let window = 0.42 - 0.5 * cos(2 * Double.pi * Double(index) / Double(length - 1))
                + 0.08 * cos(4 * Double.pi * Double(index) / Double(length - 1))
            return sinc * window
        }
        let sum = taps.reduce(0, +)
        taps = taps.map { $0 / sum }
        return taps.map(Float.init)
    }()
}
