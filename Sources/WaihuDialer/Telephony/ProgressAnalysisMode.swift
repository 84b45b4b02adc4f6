/// How much of a call's audio the engine analyses for its fate (呼叫进程分析).
public enum ProgressAnalysisMode: Sendable, Equatable {
    /// Nothing: the fate comes from SIP alone.
    case off
    /// Early media before the answer (tones, announcements; the call is cancelled once its
    /// fate is certain) and the first seconds after it (a mailbox is not a person).
    case standard
    /// As `standard`, and the call also ends at the first sign of alerting: a number check.
    case cleansing

    var analyses: Bool { self != .off }
    var cleansing: Bool { self == .cleansing }
}
