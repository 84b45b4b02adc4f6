#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts GB18030 (and so GBK and GB2312) to UTF-8, chunk by chunk, with the
/// system's iconv: Foundation on Linux does not know GB18030. A character split across
/// two chunks is held back until the next chunk completes it; bytes that are not
/// GB18030 become U+FFFD so one bad cell does not stop an import.
///
/// iconv converts in memory and does no I/O. The decoder is a class because it owns
/// the converter, which is closed when the decoder goes away; use it from one task.
public final class GB18030Decoder {
    private let converter: iconv_t
    private var pending: [UInt8] = []

    public init() throws {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, Int(bitPattern: converter) != -1 else {
            throw TextEncodingError.converterUnavailable(.gb18030)
        }
        self.converter = converter
    }

    deinit {
        iconv_close(converter)
    }

    /// UTF-8 bytes for `chunk`, minus a trailing incomplete character.
    public func decode(_ chunk: [UInt8]) -> [UInt8] {
        var input = pending
        input.append(contentsOf: chunk)
        pending.removeAll()
        return convert(input)
    }

    /// The end of the input: an incomplete character left over becomes U+FFFD.
    public func finish() -> [UInt8] {
        defer { pending.removeAll() }
        return pending.isEmpty ? [] : Self.replacementCharacter
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    private func convert(_ input: [UInt8]) -> [UInt8] {
        // A GB18030 byte never becomes more than 3 UTF-8 bytes (U+FFFD included).
        var output = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var written = 0
        var consumed = 0
        input.withUnsafeBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                guard let inputBase = inputBuffer.baseAddress, let outputBase = outputBuffer.baseAddress else { return }
                while consumed < inputBuffer.count {
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inputBase + consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = inputBuffer.count - consumed
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBase + written)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outputBuffer.count - written
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    let error = errno
                    consumed = inputBuffer.count - inLeft
                    written = outputBuffer.count - outLeft
                    if result != -1 { break }
                    if error == EINVAL {
                        // An incomplete character at the end: keep it for the next chunk.
                        pending = Array(inputBuffer[consumed...])
                        consumed = inputBuffer.count
                    } else if error == EILSEQ {
                        for byte in Self.replacementCharacter {
                            outputBuffer[written] = byte
                            written += 1
                        }
                        consumed += 1
                    } else {
                        // E2BIG cannot happen with the room reserved above; stop rather than spin.
                        break
                    }
                }
            }
        }
        output.removeSubrange(written...)
        return output
    }
}
