import Foundation

/// A small radix-2 FFT of real input that returns the power spectrum (bins 0…size/2).
/// The real signal of `size` samples is packed as a complex signal of size/2 (even samples
/// real, odd samples imaginary), transformed in place, and split into the real spectrum:
/// half the work of a complex FFT. Written here because Accelerate is not on Linux; the
/// tables are built once and shared, the work buffers are on the stack.
public struct RealFFT: Sendable {
    public let size: Int
    private let half: Int
    /// The complex stages' twiddles, stage after stage (span 1, 2, 4 …): cos and −sin of
    /// πj/span for j < span, so that each stage reads its own in order.
    private let cosines: [Float]
    private let sines: [Float]
    /// cos and −sin of 2πk/size for the final split, k ≤ half.
    private let splitCosines: [Float]
    private let splitSines: [Float]
    private let bitReversed: [Int32]

    /// The 256-point transform of the fingerprint (32 ms at 8 kHz, 31.25 Hz per bin).
    public static let size256 = RealFFT(size: 256)

    public init(size: Int) {
        precondition(size >= 4 && size & (size - 1) == 0, "FFT size must be a power of two")
        self.size = size
        half = size / 2
        let half = size / 2
        var angles: [Double] = []
        var span = 1
        while span < half {
            angles += (0..<span).map { Double.pi * Double($0) / Double(span) }
            span *= 2
        }
        cosines = angles.map { Float(cos($0)) }
        sines = angles.map { Float(-sin($0)) }
        splitCosines = (0...half).map { Float(cos(2 * Double.pi * Double($0) / Double(size))) }
        splitSines = (0...half).map { Float(-sin(2 * Double.pi * Double($0) / Double(size))) }
        var bits = 0
        while 1 << bits < half { bits += 1 }
        bitReversed = (0..<half).map { index in
            var reversed = 0
            for bit in 0..<bits where index & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
            return Int32(reversed)
        }
    }

    /// |X[k]|² for k in 0…size/2 of `input` (`size` samples) into `output` (size/2 + 1 values).
    public func powerSpectrum(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) {
        transform(input) { k, xr, xi in output[k] = xr * xr + xi * xi }
    }

    /// Re X[k] for k in 0…size/2 into `output`: for an even input (x[n] = x[size − n]), the
    /// whole transform, since its imaginary part is zero.
    public func realPart(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) {
        transform(input) { k, xr, _ in output[k] = xr }
    }

    @inline(__always)
    private func transform(_ input: UnsafeBufferPointer<Float>, _ emit: (Int, Float, Float) -> Void) {
        precondition(input.count >= size)
        let half = self.half
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * half) { work in
            let re = work.baseAddress!
            let im = re + half
            bitReversed.withUnsafeBufferPointer { reversed in
                for index in 0..<half {
                    let target = Int(reversed[index])
                    re[target] = input[2 * index]
                    im[target] = input[2 * index + 1]
                }
            }
            // The first stage's twiddle is 1: sums and differences of neighbours.
            var pair = 0
            while pair < half {
                let ar = re[pair], ai = im[pair], br = re[pair + 1], bi = im[pair + 1]
                re[pair] = ar + br; im[pair] = ai + bi
                re[pair + 1] = ar - br; im[pair + 1] = ai - bi
                pair += 2
            }
            cosines.withUnsafeBufferPointer { cosines in
                sines.withUnsafeBufferPointer { sines in
                    var span = 2
                    while span < half {
                        // This stage's twiddles start after those of spans 1, 2 … span/2.
                        let wc = cosines.baseAddress! + (span - 1), ws = sines.baseAddress! + (span - 1)
                        var start = 0
                        while start < half {
                            let ra = re + start, ia = im + start, rb = ra + span, ib = ia + span
                            for offset in 0..<span {
                                let wr = wc[offset], wi = ws[offset]
                                let tr = rb[offset] * wr - ib[offset] * wi
                                let ti = rb[offset] * wi + ib[offset] * wr
                                rb[offset] = ra[offset] - tr; ib[offset] = ia[offset] - ti
                                ra[offset] += tr; ia[offset] += ti
                            }
                            start += 2 * span
                        }
                        span *= 2
                    }
                }
            }
            // Split Z (the packed transform) into X: X[k] = E[k] + W^k O[k], with
            // E = (Z[k] + conj Z[half−k]) / 2 and O = (Z[k] − conj Z[half−k]) / 2i.
            splitCosines.withUnsafeBufferPointer { wc in
                splitSines.withUnsafeBufferPointer { ws in
                    for k in 0...half {
                        let k1 = k == half ? 0 : k
                        let k2 = k == 0 ? 0 : half - k
                        let zr = re[k1], zi = im[k1], cr = re[k2], ci = -im[k2]
                        let er = (zr + cr) * 0.5, ei = (zi + ci) * 0.5
                        let ar = zr - cr, ai = zi - ci
                        let or = ai * 0.5, oi = -ar * 0.5
                        let xr = er + wc[k] * or - ws[k] * oi
                        let xi = ei + wc[k] * oi + ws[k] * or
                        emit(k, xr, xi)
                    }
                }
            }
        }
    }
}
