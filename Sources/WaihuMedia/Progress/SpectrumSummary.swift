/// What one spectrogram column says about the sound, beyond its peaks: used to tell a
/// voice (harmonics) from noise.
public struct SpectrumSummary: Sendable, Equatable {
    /// Flatness of the spectrum's fine structure in 250…3400 Hz: each bin's power against
    /// the mean of its ±4 neighbours, then the geometric over the arithmetic mean of those
    /// ratios. Noise of any colour reads about 0.5 (the slope of its spectrum cancels out);
    /// voiced speech, whose harmonics stand out of their surroundings, reads lower.
    public var flatness: Float
    /// Whether the frame was loud enough to be looked at (else the column was skipped as silence).
    public var audible: Bool

    public init(flatness: Float, audible: Bool) {
        self.flatness = flatness
        self.audible = audible
    }

    public static let silent = SpectrumSummary(flatness: 1, audible: false)
}
