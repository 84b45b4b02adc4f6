import WaihuDomain

/// Why an announcement cannot be learned, found or removed, in words a list manager acts on.
public enum AnnouncementError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The label is not one a carrier announces (`CallCause.isAnnouncementLabel`).
    case unknownLabel(String)
    /// The analyser refused the recording (not 8/16 kHz mono PCM, under 1 s, silent …).
    case unusableAudio(String)
    case unreadableFile(String)
    case tooLong(field: String, limit: Int)
    case notFound(Int)
    /// The recording is one already learned under another label.
    case soundsLike(id: Int, label: String, name: String, wanted: String)
    /// No kept audio of an unrecognised announcement for this call (never kept, or purged).
    case noUnknownAudio(String)

    public var description: String {
        switch self {
        case .unknownLabel(let value):
            let accepted = CallCause.announcementLabels.map { "\($0.rawValue) (\($0.chineseName))" }.joined(separator: ", ")
            return "'\(value)' is not an announcement label; use one of: \(accepted)"
        case .unusableAudio(let reason): return "cannot learn from this recording: \(reason)"
        case .unreadableFile(let path): return "cannot read \(path)"
        case .tooLong(let field, let limit): return "\(field) is longer than \(limit) characters"
        case .notFound(let id): return "no learned announcement \(id)"
        case .soundsLike(let id, let label, let name, let wanted):
            return "this recording is announcement \(id) \"\(name)\" (\(Self.named(label))) already; "
                + "if it says \(Self.named(wanted)), remove \(id) first (waihu announcements remove \(id))"
        case .noUnknownAudio(let callID): return "no kept audio of an unrecognised announcement for call \(callID)"
        }
    }

    private static func named(_ label: String) -> String {
        CallCause(rawValue: label).map { "\($0.rawValue) \($0.chineseName)" } ?? label
    }
}
