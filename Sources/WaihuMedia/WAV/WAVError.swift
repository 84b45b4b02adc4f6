/// Why a prompt file cannot be played or a recording written; the text is meant for
/// the operator who uploaded the file (语音文件).
public enum WAVError: Error, Sendable, Equatable, CustomStringConvertible {
    case notWAV
    case truncated
    case missingChunk(String)
    case unsupportedFormat(formatTag: UInt16, channels: UInt16, sampleRate: UInt32, bitsPerSample: UInt16)
    case io(String)

    public var description: String {
        switch self {
        case .notWAV: return "The file is not a WAV file (no RIFF/WAVE header)"
        case .truncated: return "The WAV file is cut short"
        case .missingChunk(let name): return "The WAV file has no \(name) chunk"
        case .unsupportedFormat(let tag, let channels, let rate, let bits):
            let kind: String
            switch tag {
            case 1: kind = "\(bits)-bit PCM"
            case 6: kind = "A-law"
            case 7: kind = "µ-law"
            case 3: kind = "floating point"
            default: kind = "format \(tag)"
            }
            let layout = channels == 1 ? "mono" : (channels == 2 ? "stereo" : "\(channels) channels")
            return "Unsupported WAV: \(kind), \(layout), \(rate) Hz. Use 8000 Hz mono 16-bit PCM, µ-law or A-law "
                + "(e.g. `sox in.wav -r 8000 -c 1 -b 16 out.wav`)"
        case .io(let detail): return "Could not access the WAV file: \(detail)"
        }
    }
}
