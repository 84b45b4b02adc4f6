import Foundation

/// Reads the 16-bit PCM WAVs that tests produce (our stereo recordings, baresip's
/// mono dumps) and measures level and pitch, so tests check audio, not file sizes.
public struct WAVAnalysis {
    public let channels: Int
    public let sampleRate: Int
    /// Samples per channel, as -1…1.
    public let samples: [[Double]]

    public init(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func u16(_ o: Int) -> Int { Int(bytes[o]) | Int(bytes[o + 1]) << 8 }
        func u32(_ o: Int) -> Int { u16(o) | u16(o + 2) << 16 }
        var offset = 12
        var channels = 1
        var rate = 8000
        var data: ArraySlice<UInt8> = []
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = u32(offset + 4)
            if id == "fmt " {
                channels = u16(offset + 10)
                rate = u32(offset + 12)
            } else if id == "data" {
                // A writer killed mid-call leaves the size unpatched: take what is there.
                let end = (size == 0 || offset + 8 + size > bytes.count) ? bytes.count : offset + 8 + size
                data = bytes[(offset + 8)..<end]
                break
            }
            offset += 8 + size + (size & 1)
        }
        var result = [[Double]](repeating: [], count: channels)
        let frameBytes = 2 * channels
        var index = data.startIndex
        while index + frameBytes <= data.endIndex {
            for channel in 0..<channels {
                let o = index + 2 * channel
                let value = Int16(bitPattern: UInt16(bytes[o]) | UInt16(bytes[o + 1]) << 8)
                result[channel].append(Double(value) / 32768)
            }
            index += frameBytes
        }
        self.channels = channels
        self.sampleRate = rate
        self.samples = result
    }

    public var duration: Double { Double(samples.first?.count ?? 0) / Double(sampleRate) }

    public func slice(_ channel: Int, from start: Double, to end: Double) -> ArraySlice<Double> {
        let all = samples[channel]
        let lower = max(0, min(all.count, Int(start * Double(sampleRate))))
        let upper = max(lower, min(all.count, Int(end * Double(sampleRate))))
        return all[lower..<upper]
    }

    public static func rms(_ values: ArraySlice<Double>) -> Double {
        guard !values.isEmpty else { return 0 }
        return (values.reduce(0) { $0 + $1 * $1 } / Double(values.count)).squareRoot()
    }

    /// Pitch of a steady tone from its zero crossings.
    public func frequency(_ values: ArraySlice<Double>) -> Double {
        guard values.count > 1 else { return 0 }
        var crossings = 0
        var previous = values.first!
        for value in values.dropFirst() {
            if (previous < 0) != (value < 0) { crossings += 1 }
            previous = value
        }
        return Double(crossings) / 2 / (Double(values.count) / Double(sampleRate))
    }
}

public enum TestTone {
    /// A sine at 8 kHz as 16-bit samples.
    public static func samples(frequency: Double, seconds: Double, amplitude: Double = 0.5) -> [Int16] {
        (0..<Int(seconds * 8000)).map { Int16(amplitude * 32767 * sin(2 * .pi * frequency * Double($0) / 8000)) }
    }

    /// A mono 8 kHz 16-bit WAV file, as baresip's `aufile` microphone wants it.
    public static func writeMonoWAV(_ samples: [Int16], to path: String) throws {
        func le32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8((v >> 24) & 0xFF)] }
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        let data = samples.flatMap { le16(Int(UInt16(bitPattern: $0))) }
        let header = Array("RIFF".utf8) + le32(36 + data.count) + Array("WAVE".utf8) + Array("fmt ".utf8) + le32(16)
            + le16(1) + le16(1) + le32(8000) + le32(16000) + le16(2) + le16(16) + Array("data".utf8) + le32(data.count)
        try Data(header + data).write(to: URL(fileURLWithPath: path))
    }
}
