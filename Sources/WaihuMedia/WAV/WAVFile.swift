import Foundation

/// A prompt to play (放音): 8 kHz mono, 16-bit PCM or G.711 µ-law / A-law. Anything
/// else is refused with a `WAVError` that says how to convert it, rather than resampled
/// badly on a live call.
public struct WAVFile: Sendable, Equatable {
    public enum Encoding: Sendable, Equatable {
        case pcm16, ulaw, alaw
    }

    public let encoding: Encoding
    /// The audio as 16-bit linear samples at `sampleRate`.
    public let samples: [Int16]
    /// 8000, unless the reader asked for other rates (`init(bytes:sampleRates:)`).
    public let sampleRate: Int

    public init(encoding: Encoding, samples: [Int16], sampleRate: Int = 8000) {
        self.encoding = encoding
        self.samples = samples
        self.sampleRate = sampleRate
    }

    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw WAVError.io(error.localizedDescription) }
        try self.init(bytes: [UInt8](data))
    }

    public var duration: Duration { .milliseconds(samples.count * 1000 / sampleRate) }

    /// `sampleRates`: the rates accepted; a prompt is played as is, so only 8000 by default
    /// (an announcement to learn may be 16000 and is resampled by its reader).
    public init(bytes: [UInt8], sampleRates: Set<UInt32> = [8000]) throws {
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else {
            throw WAVError.notWAV
        }
        var offset = 12
        var format: (tag: UInt16, channels: UInt16, rate: UInt32, bits: UInt16)?
        var data: ArraySlice<UInt8>?
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(Self.uint32(bytes, offset + 4))
            let body = offset + 8
            if id == "fmt " {
                guard size >= 16, body + 16 <= bytes.count else { throw WAVError.truncated }
                var tag = Self.uint16(bytes, body)
                // WAVE_FORMAT_EXTENSIBLE: the real format is the first 2 bytes of the sub-format GUID.
                if tag == 0xFFFE && size >= 40 && body + 26 <= bytes.count { tag = Self.uint16(bytes, body + 24) }
                format = (tag, Self.uint16(bytes, body + 2), Self.uint32(bytes, body + 4), Self.uint16(bytes, body + 14))
            } else if id == "data" {
                // A streaming writer may leave the size unpatched (0 or 0xFFFFFFFF): take what is there.
                let end = (size == 0 || body + size > bytes.count) ? bytes.count : body + size
                data = bytes[body..<end]
            }
            if data != nil && format != nil { break }
            offset = body + size + (size & 1)
        }
        guard let format else { throw WAVError.missingChunk("fmt") }
        guard let data else { throw WAVError.missingChunk("data") }
        let unsupported = WAVError.unsupportedFormat(formatTag: format.tag, channels: format.channels,
                                                     sampleRate: format.rate, bitsPerSample: format.bits)
        guard format.channels == 1, sampleRates.contains(format.rate) else { throw unsupported }
        let rate = Int(format.rate)
        switch (format.tag, format.bits) {
        case (1, 16):
            let pairs = data.count / 2
            let start = data.startIndex
            self.init(encoding: .pcm16, samples: (0..<pairs).map { Int16(bitPattern: Self.uint16(bytes, start + $0 * 2)) }, sampleRate: rate)
        case (7, 8):
            self.init(encoding: .ulaw, samples: data.map { G711.linear(fromUlaw: $0) }, sampleRate: rate)
        case (6, 8):
            self.init(encoding: .alaw, samples: data.map { G711.linear(fromAlaw: $0) }, sampleRate: rate)
        default:
            throw unsupported
        }
    }

    static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
