import Foundation

/// Finds a call-progress tone in one 20 ms frame (160 samples at 8 kHz) with the Goertzel
/// algorithm: the energy at 450, 950, 1400 and 1800 Hz, each compared with the frame's
/// whole energy. A tone counts only when one frequency holds most of the frame's energy
/// (`minimumPurity`), so speech, music and noise, which spread their energy over many
/// frequencies, do not. The cadence (how long each tone lasts) is `ToneCadence`'s job.
public struct ToneDetector: Sendable {
    /// Fraction of the frame's energy that must sit in one tone's bin. A clean tone gives
    /// 1.0, one with white noise 20 dB below it about 0.98, one 10 Hz off its nominal
    /// frequency 0.87; a voiced speech frame rarely gives more than 0.5 even when a harmonic
    /// falls on 450 Hz, because the other harmonics and the formants take the rest.
    public static let minimumPurity: Float = 0.7
    /// The quietest tone recognised: a sine of peak −45 dBFS (mean square 0.5 × 10^−4.5).
    /// Carriers send tones at −10 … −24 dBm0; below this is line noise.
    public static let minimumPower: Float = 0.5 * 3.162e-5

    private static let frequencies = ToneFrequency.allCases
    private let coefficients: [Float]

    public init() {
        coefficients = Self.frequencies.map { 2 * cos(2 * Float.pi * Float($0.rawValue) / 8000) }
    }

    /// The tone filling `frame`, with the frame's power.
    public func detect(_ frame: [Int16]) -> ToneFrame {
        frame.withUnsafeBufferPointer { detect($0) }
    }

    public func detect(_ frame: UnsafeBufferPointer<Int16>) -> ToneFrame {
        let count = frame.count
        guard count > 0 else { return .none() }
        let scale: Float = 1 / 32768
        var energy: Float = 0
        // Four Goertzel filters run side by side in one pass over the samples.
        let c0 = coefficients[0], c1 = coefficients[1], c2 = coefficients[2], c3 = coefficients[3]
        var a1: Float = 0, a2: Float = 0, b1: Float = 0, b2: Float = 0
        var d1: Float = 0, d2: Float = 0, e1: Float = 0, e2: Float = 0
        for index in 0..<count {
            let x = Float(frame[index]) * scale
            energy += x * x
            let a0 = x + c0 * a1 - a2; a2 = a1; a1 = a0
            let b0 = x + c1 * b1 - b2; b2 = b1; b1 = b0
            let d0 = x + c2 * d1 - d2; d2 = d1; d1 = d0
            let e0 = x + c3 * e1 - e2; e2 = e1; e1 = e0
        }
        let power = energy / Float(count)
        guard power >= Self.minimumPower else { return .none(power: power) }
        let bins = (a1 * a1 + a2 * a2 - c0 * a1 * a2, b1 * b1 + b2 * b2 - c1 * b1 * b2,
                    d1 * d1 + d2 * d2 - c2 * d1 * d2, e1 * e1 + e2 * e2 - c3 * e1 * e2)
        // |X(f)|² of a sine that fills the frame is (N·A/2)² and its energy N·A²/2, so
        // 2|X|² / (N · energy) is 1 for a pure tone: the share of the energy at f.
        let norm = 2 / (Float(count) * energy)
        var best = 0
        var bestBin = bins.0
        if bins.1 > bestBin { best = 1; bestBin = bins.1 }
        if bins.2 > bestBin { best = 2; bestBin = bins.2 }
        if bins.3 > bestBin { best = 3; bestBin = bins.3 }
        guard bestBin * norm >= Self.minimumPurity else { return .none(power: power) }
        return ToneFrame(tone: Self.frequencies[best], power: power)
    }
}
