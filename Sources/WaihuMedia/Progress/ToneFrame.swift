import Foundation

/// What the tone detector found in one 20 ms frame.
public struct ToneFrame: Sendable, Equatable {
    /// The call-progress tone that fills the frame, or nil (silence, speech, noise, another sound).
    public var tone: ToneFrequency?
    /// Mean square of the samples, with samples scaled to −1…1 (a full-scale sine is 0.5).
    public var power: Float

    public init(tone: ToneFrequency?, power: Float) {
        self.tone = tone
        self.power = power
    }

    /// A frame with no tone, at `power`.
    public static func none(power: Float = 0) -> ToneFrame { ToneFrame(tone: nil, power: power) }

    /// Level of the frame in dB relative to a full-scale sine (so a sine of peak −20 dBFS reads −20).
    public var level: Float { power > 0 ? 10 * log10(power / 0.5) : -200 }
}
