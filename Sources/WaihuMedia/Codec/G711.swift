/// G.711 µ-law (PCMU, payload type 0) and A-law (PCMA, payload type 8) companding,
/// as in ITU-T G.711. Pure functions on single samples; tables are built once.
public enum G711 {
    /// Encodes a 16-bit linear sample to µ-law.
    public static func ulaw(fromLinear sample: Int16) -> UInt8 {
        let bias: Int32 = 0x84
        let clip: Int32 = 32635
        var pcm = Int32(sample)
        let sign: Int32 = pcm < 0 ? 0x80 : 0
        if pcm < 0 { pcm = -pcm }
        if pcm > clip { pcm = clip }
        pcm += bias
        var exponent: Int32 = 7
        var mask: Int32 = 0x4000
        while exponent > 0 && (pcm & mask) == 0 {
            exponent -= 1
            mask >>= 1
        }
        let mantissa = (pcm >> (exponent + 3)) & 0x0F
        return UInt8(truncatingIfNeeded: ~(sign | (exponent << 4) | mantissa))
    }

    /// Decodes a µ-law byte to a 16-bit linear sample.
    public static func linear(fromUlaw byte: UInt8) -> Int16 {
        ulawTable[Int(byte)]
    }

    /// Encodes a 16-bit linear sample to A-law.
    public static func alaw(fromLinear sample: Int16) -> UInt8 {
        var pcm = Int32(sample)
        let sign: Int32
        if pcm >= 0 {
            sign = 0xD5
        } else {
            sign = 0x55
            pcm = -pcm - 1
        }
        if pcm > 32767 { pcm = 32767 }
        var encoded: Int32
        if pcm < 256 {
            encoded = pcm >> 4
        } else {
            var exponent: Int32 = 1
            var shifted = pcm >> 8
            while shifted > 1 && exponent < 7 {
                shifted >>= 1
                exponent += 1
            }
            encoded = (exponent << 4) | ((pcm >> (exponent + 3)) & 0x0F)
        }
        return UInt8(truncatingIfNeeded: encoded ^ sign)
    }

    /// Decodes an A-law byte to a 16-bit linear sample.
    public static func linear(fromAlaw byte: UInt8) -> Int16 {
        alawTable[Int(byte)]
    }

    private static let ulawTable: [Int16] = (0..<256).map { index in
        let byte = ~UInt8(index)
        let sign = byte & 0x80
        let exponent = Int32((byte >> 4) & 0x07)
        let mantissa = Int32(byte & 0x0F)
        var magnitude = ((mantissa << 3) + 0x84) << exponent
        magnitude -= 0x84
        return Int16(sign != 0 ? -magnitude : magnitude)
    }

    private static let alawTable: [Int16] = (0..<256).map { index in
        let byte = UInt8(index) ^ 0x55
        let sign = byte & 0x80
        let exponent = Int32((byte >> 4) & 0x07)
        let mantissa = Int32(byte & 0x0F)
        var magnitude: Int32
        if exponent == 0 {
            magnitude = (mantissa << 4) + 8
        } else {
            magnitude = ((mantissa << 4) + 0x108) << (exponent - 1)
        }
        return Int16(sign != 0 ? magnitude : -magnitude)
    }
}
