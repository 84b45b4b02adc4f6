import Foundation

/// Writes a call recording (全程录音) as 8 kHz 16-bit stereo WAV: the customer on the
/// left channel, waihu or the agent on the right, so QA can hear each side alone.
/// Audio streams to disk in chunks of about a second; the RIFF and data sizes are patched at close,
/// so a crash leaves a file that readers which trust the data chunk still open.
public final class StereoWAVWriter {
    public static let sampleRate: UInt32 = 8000
    private let handle: FileHandle
    public private(set) var frameCount = 0
    private var closed = false
    private var pending: [UInt8] = []
    static let flushBytes = 32_000

    /// Creates (or truncates) the file at `path` and writes a provisional header.
    public convenience init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw WAVError.io("cannot create \(path)")
        }
        try self.init(fileHandle: handle)
    }

    /// Streams into an open, seekable, empty file; the writer owns and closes it.
    public init(fileHandle: FileHandle) throws {
        self.handle = fileHandle
        try write(Self.header(dataBytes: 0))
    }

    /// Appends one stretch of audio; the shorter side is padded with silence so the
    /// channels stay aligned in time.
    public func append(left: [Int16], right: [Int16]) throws {
        precondition(!closed, "append after close")
        let frames = max(left.count, right.count)
        let start = pending.count
        pending.append(contentsOf: repeatElement(0, count: frames * 4))
        pending.withUnsafeMutableBufferPointer { buffer in
            for index in 0..<frames {
                let l = UInt16(bitPattern: index < left.count ? left[index] : 0)
                let r = UInt16(bitPattern: index < right.count ? right[index] : 0)
                let o = start + index * 4
                buffer[o] = UInt8(l & 0xFF)
                buffer[o + 1] = UInt8(l >> 8)
                buffer[o + 2] = UInt8(r & 0xFF)
                buffer[o + 3] = UInt8(r >> 8)
            }
        }
        frameCount += frames
        // Write in ~1 s chunks: one syscall per 20 ms frame adds up with hundreds of calls.
        if pending.count >= Self.flushBytes { try flush() }
    }

    /// Writes buffered audio to the file now.
    public func flush() throws {
        guard !pending.isEmpty else { return }
        try write(pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// Patches the sizes and closes the file. Calling it twice is harmless.
    public func close() throws {
        guard !closed else { return }
        closed = true
        do {
            try flush()
            try handle.seek(toOffset: 0)
            try handle.write(contentsOf: Self.header(dataBytes: frameCount * 4))
            try handle.close()
        } catch {
            throw WAVError.io(error.localizedDescription)
        }
    }

    public var duration: Duration { .milliseconds(frameCount / 8) }

    deinit { try? close() }

    private func write(_ bytes: [UInt8]) throws {
        do { try handle.write(contentsOf: bytes) } catch { throw WAVError.io(error.localizedDescription) }
    }

    static func header(dataBytes: Int) -> [UInt8] {
        func le32(_ value: UInt32) -> [UInt8] { [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)] }
        func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
        let size = UInt32(clamping: dataBytes)
        return Array("RIFF".utf8) + le32(size &+ 36) + Array("WAVE".utf8)
            + Array("fmt ".utf8) + le32(16) + le16(1) + le16(2) + le32(sampleRate)
            + le32(sampleRate * 4) + le16(4) + le16(16)
            + Array("data".utf8) + le32(size)
    }
}
