/// Turns the bytes of a file in an unknown encoding into UTF-8, chunk by chunk.
///
/// ASCII is the same in UTF-8 and GB18030, so bytes pass through untouched until the
/// first non-ASCII byte; from there a sample of `sampleSize` bytes (or the rest of a
/// shorter file) decides the encoding, once, for the whole file. Memory stays bounded
/// by the chunk size plus the sample.
public struct TextDecodingStream {
    public let sampleSize: Int
    /// The encoding in use; nil while only ASCII has been seen.
    public private(set) var encoding: TextEncoding?
    private var decoder: GB18030Decoder?
    private var held: [UInt8] = []
    private var bytesSeen = 0

    /// `forcedEncoding` skips detection.
    public init(forcedEncoding: TextEncoding? = nil, sampleSize: Int = 4096) throws {
        self.sampleSize = sampleSize
        if let forcedEncoding { try use(forcedEncoding) }
    }

    public mutating func feed(_ chunk: [UInt8]) throws -> [UInt8] {
        defer { bytesSeen += chunk.count }
        switch encoding {
        case .utf8: return chunk
        case .gb18030: return decoder!.decode(chunk)
        case nil: break
        }
        if held.isEmpty {
            guard let firstNonASCII = chunk.firstIndex(where: { $0 >= 0x80 }) else { return chunk }
            if bytesSeen == 0, chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
                throw TextEncodingError.utf16NotSupported
            }
            held = Array(chunk[firstNonASCII...])
            let ascii = Array(chunk[..<firstNonASCII])
            return try ascii + decideIfSampled(isComplete: false)
        }
        held.append(contentsOf: chunk)
        return try decideIfSampled(isComplete: false)
    }

    public mutating func finish() throws -> [UInt8] {
        var output = try decideIfSampled(isComplete: true)
        if let decoder { output += decoder.finish() }
        return output
    }

    private mutating func decideIfSampled(isComplete: Bool) throws -> [UInt8] {
        guard encoding == nil, !held.isEmpty, isComplete || held.count >= sampleSize else { return [] }
        try use(TextEncodingDetector.detect(held, isComplete: isComplete))
        let sample = held
        held = []
        return decoder?.decode(sample) ?? sample
    }

    private mutating func use(_ encoding: TextEncoding) throws {
        self.encoding = encoding
        if encoding == .gb18030 { decoder = try GB18030Decoder() }
    }
}
