/// Why a recording cannot be learned as an announcement; the text is for the list manager
/// who gave it (`waihu announcements learn`, the teaching page).
public enum AnnouncementSampleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a WAV file the reader understands (no RIFF header, cut short, no data).
    case unreadable(String)
    case unsupportedSampleRate(Int)
    case notMono(channels: Int)
    case unsupportedEncoding(String)
    case tooShort(seconds: Double)
    case silent(levelDB: Double)

    public var description: String {
        let convert = "Convert it with `sox in.wav -r 8000 -c 1 -b 16 out.wav`."
        switch self {
        case .unreadable(let reason): return "Cannot read the recording: \(reason)"
        case .unsupportedSampleRate(let rate):
            return "The recording is sampled at \(rate) Hz; an announcement must be 8000 or 16000 Hz. \(convert)"
        case .notMono(let channels):
            return "The recording has \(channels) channels; an announcement must be mono. \(convert)"
        case .unsupportedEncoding(let encoding):
            return "The recording is \(encoding); an announcement must be 16-bit PCM, µ-law or A-law. \(convert)"
        case .tooShort(let seconds):
            return "The recording lasts \(Self.format(seconds)) s; an announcement needs at least "
                + "\(Self.format(AnnouncementSample.minimumSeconds)) s of audio (3 s or more recognises best)."
        case .silent(let level):
            return "The recording is silent (its level is \(Self.format(level)) dB); record the announcement itself, "
                + "not the silence before it."
        }
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
