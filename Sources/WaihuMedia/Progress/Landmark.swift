/// One landmark of an audio fingerprint: a pair of spectral peaks, hashed, and the time of
/// the first (the anchor). Matching looks up the hash and checks that many landmarks agree
/// on one time offset between the call's audio and a learned announcement.
public struct Landmark: Sendable, Equatable, Hashable {
    /// `SpectralPeakHasher.hash(anchorBin:targetBin:columns:)`: anchor frequency, frequency
    /// step and time step of the pair, 20 bits used of 32.
    public var hash: UInt32
    /// The anchor's column: one per 20 ms of audio, counted from the start.
    public var time: UInt32

    public init(hash: UInt32, time: UInt32) {
        self.hash = hash
        self.time = time
    }
}
