/// Tells UTF-8 from GB18030/GBK by looking at the start of a file.
///
/// Chinese text in GBK is almost never valid UTF-8 (a GBK lead byte 0xB0–0xF7 is
/// followed by a byte that is not a UTF-8 continuation often enough to fail within a
/// few characters), so: a UTF-8 byte-order mark or a valid UTF-8 sample means UTF-8;
/// anything else means GB18030, which reads GBK and GB2312 as well.
public enum TextEncodingDetector {
    /// `isComplete` says the sample is the whole file; otherwise a character cut off at
    /// the end of the sample does not count against UTF-8.
    public static func detect(_ sample: [UInt8], isComplete: Bool) throws -> TextEncoding {
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            throw TextEncodingError.utf16NotSupported
        }
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        return isValidUTF8(sample, allowTruncatedEnd: !isComplete) ? .utf8 : .gb18030
    }

    /// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
    public static func isValidUTF8(_ bytes: [UInt8], allowTruncatedEnd: Bool) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            default: return false
            }
            for offset in 1..<length {
                guard index + offset < count else { return allowTruncatedEnd }
                let byte = bytes[index + offset]
                if !(offset == 1 ? secondRange : 0x80...0xBF).contains(byte) { return false }
            }
            index += length
        }
        return true
    }
}
