import Foundation

extension WAVFile {
    /// The samples as a mono 8 kHz 16-bit PCM WAV file (whatever the encoding was read as):
    /// the form every player and `waihu announcements learn` take.
    public var pcm16Bytes: [UInt8] {
        let dataSize = samples.count * 2
        var bytes: [UInt8] = []
        bytes.reserveCapacity(44 + dataSize)
        func append(_ text: String) { bytes += Array(text.utf8) }
        func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        func append16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        append("RIFF"); append32(UInt32(36 + dataSize)); append("WAVE")
        append("fmt "); append32(16); append16(1); append16(1); append32(8000); append32(16_000); append16(2); append16(16)
        append("data"); append32(UInt32(dataSize))
        for sample in samples { withUnsafeBytes(of: sample.littleEndian) { bytes += $0 } }
        return bytes
    }

    public func write(to url: URL) throws {
        try Data(pcm16Bytes).write(to: url, options: .atomic)
    }
}
