/// What the call's audio showed, in domain terms: the media analyser's detections mapped
/// by the dialer. One per call at most; the first certain detection wins.
public enum ProgressEvidence: Sendable, Equatable {
    /// 回铃音: 450 Hz, 1 s on / 4 s off. The number alerts.
    case ringbackTone
    /// A 180 Ringing: the network says the number alerts.
    case alertingSignal
    /// 忙音: 450 Hz, 0.35 s on / 0.35 s off.
    case busyTone
    /// 拥塞音: 450 Hz, 0.7 s on / 0.7 s off.
    case congestionTone
    /// ITU special information tone (950/1400/1800 Hz): an intercept, usually before an announcement.
    case specialInformationTone
    /// A learned carrier announcement matched with `score` (0…1).
    case announcement(label: CallCause, name: String, score: Double)
    /// A recorded announcement was playing, but none learned matched it.
    case unknownAnnouncement
    /// After the answer: a live voice, not a recording.
    case human

    /// The evidence as written on an attempt: `tone busy`, `announcement vacant 0.93`, `voice human`.
    public var text: String {
        switch self {
        case .ringbackTone: return "tone ringback"
        case .alertingSignal: return "sip 180"
        case .busyTone: return "tone busy"
        case .congestionTone: return "tone congestion"
        case .specialInformationTone: return "tone sit"
        case .announcement(let label, _, let score):
            return "announcement \(label.rawValue) " + String(format: "%.2f", score)
        case .unknownAnnouncement: return "announcement unknown"
        case .human: return "voice human"
        }
    }
}
