import Foundation

/// A small seeded random source (SplitMix64) for the synthetic test audio, so that a test
/// or a benchmark run hears the same "random" audio every time. WaihuMedia cannot import
/// the dialer's generator, and this one needs nothing else.
public struct SeededAudioRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Float {
        Float(next() >> 40) / Float(1 << 24)
    }

    /// Uniform in `range`.
    public mutating func uniform(_ range: ClosedRange<Float>) -> Float {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }

    /// Standard normal (Box–Muller; one of the pair is dropped, which is fine for test audio).
    public mutating func gaussian() -> Float {
        let u1 = max(unit(), 1e-7)
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Float.pi * u2)
    }
}
