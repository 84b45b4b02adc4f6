import Foundation

/// Turns audio, 20 ms at a time, into fingerprint landmarks (spectral-peak pairs, as in
/// Wang's "An Industrial-Strength Audio Search Algorithm", 2003):
///
/// 1. Each frame adds one spectrogram column: a 256-point FFT of the last 256 samples
///    (Hann window), bins 250…3440 Hz (`lowBin`…), so one column per 20 ms.
/// 2. A bin is a peak when it is the largest within ±`frequencyRadius` bins and
///    ±`timeRadius` columns, above the silence floor and well above its column's mean; at
///    most `peaksPerColumn` per column, the strongest. A local maximum does not depend on
///    the level, so −20 dB and 0 dB give the same peaks; nor does G.711 move it.
/// 3. Each peak (anchor) is paired with the next `fanout` peaks up to `maxColumnStep`
///    columns later and `maxBinStep` bins away; a pair is hashed from (anchor bin, bin step,
///    column step) and stamped with the anchor's column.
///
/// The same code fingerprints a learned announcement and the live audio of a call, so the
/// two agree. Peaks are decided `timeRadius` columns late (they need the columns after
/// them). No allocation after `init`: the window, the columns and the anchors are rings.
public struct SpectralPeakHasher: Sendable {
    public static let fftSize = 256
    public static let frameLength = 160
    /// 8 × 31.25 Hz = 250 Hz: below it a telephone line carries little but hum.
    public static let lowBin = 8
    /// 103 bins: up to 3.44 kHz, the top of the telephone band.
    public static let bandCount = 103
    static let frequencyRadius = 9
    static let timeRadius = 3
    static let peaksPerColumn = 3
    static let fanout = 8
    static let maxColumnStep = 63
    static let maxBinStep = 63
    /// A peak must be this many times its column's mean power: a bump in a valley is what
    /// noise and the codec move first.
    static let relativeFloor: Float = 4
    /// Below this mean square a frame is silence (a sine of peak −55 dBFS): no FFT for a
    /// silent frame after a silent frame, which keeps an idle call cheap.
    public static let silenceFloor: Float = 0.5 * 3.162e-6
    /// The weakest peak (Hann-windowed power of a sine of peak −60 dBFS, (A·64)²).
    static let peakFloor: Float = 4096 * 1e-6
    /// A peak must also be within 35 dB of the loudest bin heard lately, a level that falls
    /// by 6 dB a second: line noise in the pauses of an announcement (30 dB or more below
    /// its words) then yields no peaks, which in the learned recording (silent pauses)
    /// would have nothing to match.
    static let recentRange: Float = 3.162e-4
    static let recentDecay: Float = 0.9727 // 10^(−6 dB / 10 / 50 columns)
    /// Bins each side of the local mean the flatness is measured against (±125 Hz: wider
    /// than the spacing of a voice's harmonics).
    static let smoothingReach = 4

    static let hann: [Float] = (0..<fftSize).map {
        Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(fftSize)))
    }
    private static let depth = 2 * timeRadius + 1
    private static let anchorCapacity = 256

    private let fft = RealFFT.size256
    private var window: [Float]
    private var spectrum: [Float]
    /// The last `depth` columns, bins lowBin..<lowBin+bandCount, ring by column number.
    private var columns: [Float]
    private var columnMeans: [Float]
    private var previousPower: Float = 0
    /// The loudest bin lately (`recentDecay`), and per column the floor it set.
    private var recentLoudest: Float = 0
    private var columnLimits: [Float]
    /// Columns pushed so far.
    public private(set) var columnCount = 0

    private var anchorTimes: [Int32]
    private var anchorBins: [Int16]
    private var anchorUses: [UInt8]
    private var anchorStart = 0
    private var anchorCount = 0

    public init() {
        window = [Float](repeating: 0, count: Self.fftSize)
        spectrum = [Float](repeating: 0, count: Self.fftSize / 2 + 1)
        columns = [Float](repeating: 0, count: Self.depth * Self.bandCount)
        columnMeans = [Float](repeating: 0, count: Self.depth)
        columnLimits = [Float](repeating: 0, count: Self.depth)
        anchorTimes = [Int32](repeating: 0, count: Self.anchorCapacity)
        anchorBins = [Int16](repeating: 0, count: Self.anchorCapacity)
        anchorUses = [UInt8](repeating: 0, count: Self.anchorCapacity)
    }

    /// The hash of a peak pair: anchor bin (7 bits), bin step + 64 (7 bits), column step (6 bits).
    @inline(__always)
    public static func hash(anchorBin: Int, targetBin: Int, columns: Int) -> UInt32 {
        UInt32(anchorBin) << 13 | UInt32(targetBin - anchorBin + 64) << 6 | UInt32(columns)
    }

    /// Number of distinct hashes (20 bits).
    public static let hashSpace = 1 << 20

    /// Adds one 20 ms frame (160 samples; a shorter one is padded with silence) and appends
    /// the landmarks it completes to `landmarks`.
    @discardableResult
    public mutating func push(_ frame: UnsafeBufferPointer<Int16>, power: Float, into landmarks: inout [Landmark]) -> SpectrumSummary {
        let keep = Self.fftSize - Self.frameLength
        let count = min(frame.count, Self.frameLength)
        let silent = power < Self.silenceFloor && previousPower < Self.silenceFloor
        previousPower = power
        let summary: SpectrumSummary
        if silent {
            window.withUnsafeMutableBufferPointer { window in
                for index in 0..<Self.fftSize { window[index] = 0 }
            }
            summary = .silent
        } else {
            window.withUnsafeMutableBufferPointer { window in
                for index in 0..<keep { window[index] = window[index + Self.frameLength] }
                for index in 0..<count { window[keep + index] = Float(frame[index]) * (1 / 32768) }
                for index in count..<Self.frameLength { window[keep + index] = 0 }
            }
            summary = computeColumn()
        }
        if silent { clearColumn() }
        columnCount += 1
        pickPeaks(into: &landmarks)
        return summary
    }

    public mutating func push(_ frame: [Int16], power: Float, into landmarks: inout [Landmark]) {
        frame.withUnsafeBufferPointer { _ = push($0, power: power, into: &landmarks) }
    }

    /// Pushes silence until every column pushed so far has had its peaks decided and paired.
    public mutating func finish(into landmarks: inout [Landmark]) {
        let silence = [Int16](repeating: 0, count: Self.frameLength)
        for _ in 0..<(Self.timeRadius + 1) { push(silence, power: 0, into: &landmarks) }
    }

    /// The mean square of a frame, as the tone detector computes it.
    public static func power(of frame: UnsafeBufferPointer<Int16>) -> Float {
        guard !frame.isEmpty else { return 0 }
        var energy: Float = 0
        for sample in frame {
            let x = Float(sample) * (1 / 32768)
            energy += x * x
        }
        return energy / Float(frame.count)
    }

    private mutating func clearColumn() {
        let slot = columnCount % Self.depth
        columnMeans[slot] = 0
        recentLoudest *= Self.recentDecay
        columnLimits[slot] = recentLoudest * Self.recentRange
        columns.withUnsafeMutableBufferPointer { columns in
            for index in 0..<Self.bandCount { columns[slot * Self.bandCount + index] = 0 }
        }
    }

    /// FFT of the window into the column `columnCount`, and the column's summary.
    private mutating func computeColumn() -> SpectrumSummary {
        let slot = columnCount % Self.depth
        let fft = self.fft
        window.withUnsafeMutableBufferPointer { window in
            Self.hann.withUnsafeBufferPointer { hann in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.fftSize) { windowed in
                    for index in 0..<Self.fftSize { windowed[index] = window[index] * hann[index] }
                    spectrum.withUnsafeMutableBufferPointer { spectrum in
                        fft.powerSpectrum(UnsafeBufferPointer(windowed), into: spectrum)
                    }
                }
            }
        }
        var sum: Float = 0, ratioSum: Float = 0, ratioLogSum: Float = 0, loudest: Float = 0
        spectrum.withUnsafeBufferPointer { spectrum in
            columns.withUnsafeMutableBufferPointer { columns in
                let base = slot * Self.bandCount
                let reach = Self.smoothingReach
                var local: Float = 0
                for bin in (Self.lowBin - reach)...(Self.lowBin + reach) { local += spectrum[bin] }
                for index in 0..<Self.bandCount {
                    let bin = Self.lowBin + index
                    let value = spectrum[bin]
                    columns[base + index] = value
                    sum += value
                    loudest = max(loudest, value)
                    // The bin against the mean of its ±reach neighbours: a harmonic stands out,
                    // noise of any colour does not (the tilt of the spectrum cancels).
                    let ratio = value / (local * (1 / Float(2 * reach + 1)) + 1e-20)
                    ratioSum += ratio
                    ratioLogSum += Self.fastLog2(ratio + 1e-20)
                    local += spectrum[bin + reach + 1] - spectrum[bin - reach]
                }
            }
        }
        let mean = sum / Float(Self.bandCount)
        columnMeans[slot] = mean
        recentLoudest = max(recentLoudest * Self.recentDecay, loudest)
        columnLimits[slot] = recentLoudest * Self.recentRange
        guard mean > 0, ratioSum > 0 else { return .silent }
        let count = Float(Self.bandCount)
        return SpectrumSummary(flatness: exp2(ratioLogSum / count) / (ratioSum / count), audible: true)
    }

    /// Of the newest column (when it was audible): the highest normalised autocorrelation at
    /// a pitch period (2.5–12.5 ms: 80–400 Hz), from the band's magnitude spectrum (the
    /// square root flattens the formants, and leaving out what is below 250 Hz keeps hum and
    /// rumble from looking periodic). Near 0.1 for noise of any colour, 0.4–0.9 for a voiced
    /// frame. A second FFT, so computed only when asked.
    public func periodicity() -> Float {
        let size = Self.fftSize
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: size + size / 2 + 1) { buffer in
            let even = UnsafeMutableBufferPointer(rebasing: buffer[0..<size])
            let lags = UnsafeMutableBufferPointer(rebasing: buffer[size...])
            for index in 0..<size { even[index] = 0 }
            spectrum.withUnsafeBufferPointer { spectrum in
                for bin in Self.lowBin..<(Self.lowBin + Self.bandCount) {
                    let magnitude = spectrum[bin].squareRoot()
                    even[bin] = magnitude
                    even[size - bin] = magnitude
                }
            }
            fft.realPart(UnsafeBufferPointer(even), into: lags)
            guard lags[0] > 0 else { return 0 }
            var best: Float = 0
            Self.windowOverlap.withUnsafeBufferPointer { overlap in
                for lag in Self.pitchLags {
                    let value = lags[lag] / overlap[lag]
                    if value > best { best = value }
                }
            }
            return min(best / lags[0], 1)
        }
    }

    /// 8000 / 400 … 8000 / 80 samples.
    static let pitchLags = 20...100

    /// The Hann window's own autocorrelation, normalised (1 at lag 0): a periodic sound's
    /// windowed autocorrelation falls off by it, so dividing it out makes a low voice (a
    /// long period) read as periodic as a high one.
    static let windowOverlap: [Float] = {
        let energy = hann.reduce(0) { $0 + $1 * $1 }
        return (0...pitchLags.upperBound).map { lag in
            var sum: Float = 0
            for index in 0..<(fftSize - lag) { sum += hann[index] * hann[index + lag] }
            return sum / energy
        }
    }()

    /// Decides the peaks of the column `timeRadius` behind the newest and pairs them.
    private mutating func pickPeaks(into landmarks: inout [Landmark]) {
        let centre = columnCount - 1 - Self.timeRadius
        guard centre >= 0 else { return }
        let centreSlot = centre % Self.depth
        let threshold = max(columnMeans[centreSlot] * Self.relativeFloor, columnLimits[centreSlot], Self.peakFloor)
        var found: (bins: (Int, Int, Int), values: (Float, Float, Float)) = ((-1, -1, -1), (0, 0, 0))
        columns.withUnsafeBufferPointer { columns in
            let centreBase = centreSlot * Self.bandCount
            for bin in 0..<Self.bandCount {
                let value = columns[centreBase + bin]
                guard value >= threshold, value > found.values.2 else { continue }
                guard Self.isPeak(value, bin: bin, centre: centre, newest: columnCount - 1, columns: columns) else { continue }
                // Keep the three strongest, in descending order.
                if value > found.values.0 {
                    found = ((bin, found.bins.0, found.bins.1), (value, found.values.0, found.values.1))
                } else if value > found.values.1 {
                    found = ((found.bins.0, bin, found.bins.1), (found.values.0, value, found.values.1))
                } else {
                    found.bins.2 = bin; found.values.2 = value
                }
            }
        }
        // Pair in frequency order so that the reference and the call pair the same way.
        var bins = (found.bins.0, found.bins.1, found.bins.2)
        if bins.0 > bins.1 { swap(&bins.0, &bins.1) }
        if bins.1 > bins.2 { swap(&bins.1, &bins.2) }
        if bins.0 > bins.1 { swap(&bins.0, &bins.1) }
        if bins.0 >= 0 { addPeak(time: centre, bin: bins.0, into: &landmarks) }
        if bins.1 >= 0 { addPeak(time: centre, bin: bins.1, into: &landmarks) }
        if bins.2 >= 0 { addPeak(time: centre, bin: bins.2, into: &landmarks) }
    }

    /// Largest in its neighbourhood; ties go to the earlier column, then to the lower bin,
    /// so a flat stretch yields one peak (or none), the same one in every copy of the audio.
    @inline(__always)
    private static func isPeak(_ value: Float, bin: Int, centre: Int, newest: Int, columns: UnsafeBufferPointer<Float>) -> Bool {
        let low = max(bin - frequencyRadius, 0), high = min(bin + frequencyRadius, bandCount - 1)
        for column in (centre - timeRadius)...(centre + timeRadius) where column >= 0 && column <= newest {
            let base = (column % depth) * bandCount
            for other in low...high {
                let neighbour = columns[base + other]
                if column < centre || (column == centre && other < bin) {
                    if neighbour >= value { return false }
                } else if column > centre || other > bin {
                    if neighbour > value { return false }
                }
            }
        }
        return true
    }

    private mutating func addPeak(time: Int, bin: Int, into landmarks: inout [Landmark]) {
        // Forget anchors too old to pair with this peak.
        while anchorCount > 0, Int(anchorTimes[anchorStart]) < time - Self.maxColumnStep {
            anchorStart = (anchorStart + 1) % Self.anchorCapacity
            anchorCount -= 1
        }
        for position in 0..<anchorCount {
            let slot = (anchorStart + position) % Self.anchorCapacity
            let anchorTime = Int(anchorTimes[slot])
            guard anchorTime < time, anchorUses[slot] < Self.fanout else { continue }
            let anchorBin = Int(anchorBins[slot])
            guard abs(bin - anchorBin) <= Self.maxBinStep else { continue }
            anchorUses[slot] += 1
            landmarks.append(Landmark(hash: Self.hash(anchorBin: anchorBin, targetBin: bin, columns: time - anchorTime),
                                      time: UInt32(anchorTime)))
        }
        if anchorCount == Self.anchorCapacity {
            anchorStart = (anchorStart + 1) % Self.anchorCapacity
            anchorCount -= 1
        }
        let slot = (anchorStart + anchorCount) % Self.anchorCapacity
        anchorTimes[slot] = Int32(time)
        anchorBins[slot] = Int16(bin)
        anchorUses[slot] = 0
        anchorCount += 1
    }

    /// log2 to about 0.01: enough for a flatness measure, and ten times cheaper than `log2`.
    @inline(__always)
    static func fastLog2(_ x: Float) -> Float {
        let bits = x.bitPattern
        let exponent = Float(Int32(bitPattern: (bits >> 23) & 0xFF) - 127)
        let mantissa = Float(bitPattern: (bits & 0x007F_FFFF) | 0x3F80_0000)
        return exponent + (-0.344_848_43 * mantissa + 2.024_665_78) * mantissa - 1.674_877_59
    }
}
