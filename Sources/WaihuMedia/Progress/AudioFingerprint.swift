/// The fingerprint of a learned announcement: its landmarks (`SpectralPeakHasher`), from
/// the recording analysed four times, each a quarter frame (5 ms) later. A call's audio is
/// cut into 20 ms frames wherever its RTP stream happens to start, so its spectrogram
/// columns can fall anywhere between the reference's; one of the four copies is always
/// within 2.5 ms of it, which keeps the peak pairs (and so the hashes) the same.
/// A landmark a later copy finds again at the same time (±1 column) is kept once.
///
/// `encoded` is what the server stores (a few kB per second of audio):
/// "WFP" + format byte, column count, landmark count (UInt32 LE), then hash and time per landmark.
public struct AudioFingerprint: Sendable, Equatable {
    /// Sorted by time, then hash.
    public let landmarks: [Landmark]
    /// Length of the analysed audio in 20 ms columns.
    public let columns: Int

    /// Bumped whenever the hasher's parameters change: an old fingerprint would not match.
    public static let formatVersion: UInt8 = 1
    /// Sub-frame starts the reference is analysed at, in samples (0, 5, 10, 15 ms).
    public static let shifts = [0, 40, 80, 120]

    public init(landmarks: [Landmark], columns: Int) {
        self.landmarks = landmarks
        self.columns = columns
    }

    /// Fingerprints 8 kHz mono audio.
    public init(samples: [Int16]) {
        var seen = Set<UInt64>()
        var kept: [Landmark] = []
        func key(_ hash: UInt32, _ time: Int) -> UInt64 { UInt64(hash) << 32 | UInt64(UInt32(truncatingIfNeeded: time)) }
        for shift in Self.shifts where shift < samples.count {
            for landmark in Self.landmarks(of: samples[shift...]) {
                let time = Int(landmark.time)
                if seen.contains(key(landmark.hash, time)) || seen.contains(key(landmark.hash, time - 1))
                    || seen.contains(key(landmark.hash, time + 1)) { continue }
                seen.insert(key(landmark.hash, time))
                kept.append(landmark)
            }
        }
        kept.sort { ($0.time, $0.hash) < ($1.time, $1.hash) }
        self.init(landmarks: kept, columns: samples.count / SpectralPeakHasher.frameLength)
    }

    /// The landmarks of one pass over `samples`, framed from its first sample.
    public static func landmarks(of samples: ArraySlice<Int16>) -> [Landmark] {
        var hasher = SpectralPeakHasher()
        var landmarks: [Landmark] = []
        samples.withUnsafeBufferPointer { buffer in
            var start = 0
            while start + SpectralPeakHasher.frameLength <= buffer.count {
                let frame = UnsafeBufferPointer(rebasing: buffer[start..<start + SpectralPeakHasher.frameLength])
                hasher.push(frame, power: SpectralPeakHasher.power(of: frame), into: &landmarks)
                start += SpectralPeakHasher.frameLength
            }
        }
        hasher.finish(into: &landmarks)
        return landmarks
    }

    public var encoded: [UInt8] {
        var bytes: [UInt8] = Array("WFP".utf8) + [Self.formatVersion]
        bytes.reserveCapacity(12 + landmarks.count * 8)
        func append(_ value: UInt32) {
            bytes.append(UInt8(value & 0xFF)); bytes.append(UInt8((value >> 8) & 0xFF))
            bytes.append(UInt8((value >> 16) & 0xFF)); bytes.append(UInt8(value >> 24))
        }
        append(UInt32(columns))
        append(UInt32(landmarks.count))
        for landmark in landmarks {
            append(landmark.hash)
            append(landmark.time)
        }
        return bytes
    }

    public init(encoded bytes: [UInt8]) throws {
        guard bytes.count >= 4, bytes[0..<3].elementsEqual("WFP".utf8) else { throw AudioFingerprintError.notAFingerprint }
        guard bytes[3] == Self.formatVersion else { throw AudioFingerprintError.unsupportedVersion(bytes[3]) }
        guard bytes.count >= 12 else { throw AudioFingerprintError.truncated }
        func read(_ offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }
        let columns = Int(read(4))
        let count = Int(read(8))
        guard bytes.count == 12 + count * 8 else { throw AudioFingerprintError.truncated }
        var landmarks: [Landmark] = []
        landmarks.reserveCapacity(count)
        for index in 0..<count {
            let offset = 12 + index * 8
            let hash = read(offset)
            guard Int(hash) < SpectralPeakHasher.hashSpace else { throw AudioFingerprintError.notAFingerprint }
            landmarks.append(Landmark(hash: hash, time: read(offset + 4)))
        }
        self.init(landmarks: landmarks, columns: columns)
    }

    /// Seconds of audio fingerprinted.
    public var durationSeconds: Double { Double(columns) * 0.02 }
}
