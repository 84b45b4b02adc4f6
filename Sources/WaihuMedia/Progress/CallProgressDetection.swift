import Foundation

/// What the call-progress analyser is certain of.
public enum CallProgressDetection: Sendable, Equatable {
    case tone(ToneKind)
    case announcement(AnnouncementMatch)
    /// Early media: sustained voice-like sound that matches no learned announcement (a
    /// recording nobody taught yet; keep `heardAudio` to teach it).
    case unknownAnnouncement
    /// After the answer: a live voice (a short greeting and a pause, or speech that matched
    /// nothing within 3.5 s).
    case human

    /// The evidence written on the attempt: `tone busy`, `tone ringback`, `tone congestion`,
    /// `tone sit`, `announcement vacant 0.93`, `announcement unknown`, `voice human`.
    public var evidence: String {
        switch self {
        case .tone(let kind): return "tone \(kind.evidenceName)"
        case .announcement(let match): return "announcement \(match.label) " + String(format: "%.2f", match.score)
        case .unknownAnnouncement: return "announcement unknown"
        case .human: return "voice human"
        }
    }

    /// Whether the analyser stops after it. Ringback and the special information tone are
    /// not final: an announcement (or a busy tone) often follows them, and says more; nor is
    /// an unknown announcement, which may still turn out to be a learned one further in.
    public var isFinal: Bool {
        switch self {
        case .tone(.ringback), .tone(.specialInformation), .unknownAnnouncement: return false
        default: return true
        }
    }
}
