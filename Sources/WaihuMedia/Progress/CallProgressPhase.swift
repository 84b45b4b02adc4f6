/// When the audio is heard: it decides what the analyser may conclude.
public enum CallProgressPhase: String, Sendable, Equatable {
    /// Before any answer (183 Session Progress with SDP): tones and announcements; a voice
    /// here is a recording (`unknownAnnouncement` when none learned matches), never a person.
    case earlyMedia
    /// After the 200 OK: a secretary or voicemail announcement (秘书台, 语音信箱), a tone, or a person.
    case afterAnswer
}
