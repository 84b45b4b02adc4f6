import Foundation
import WaihuDomain

/// The one-line result of a call (`waihu call play` prints it), issue #5 §7 with the
/// call-progress cause of issue #17:
/// `{"outcome":…,"cause":…,"evidence":…,"sip_status":…,"ring_s":…,"listened_s":…,"dtmf":"…","recording":"…"}`.
public struct CallReport: Sendable, Equatable, Encodable {
    public var outcome: CallOutcome
    /// Why, in detail (空号, 关机, 秘书台 …), from `CallProgressRule`.
    public var cause: CallCause
    /// What the cause was decided on, strongest first: `announcement vacant 0.93; sip 480`.
    public var evidence: String
    /// The audio heard before the answer (and in the first seconds after it) when it was a
    /// recording nobody taught waihu: a WAV a list manager can label (`announcement_unknown`).
    public var progressAudio: String?
    /// The SIP status that decided the outcome (200 when answered); `nil` when none came.
    public var sipStatus: Int?
    /// Seconds from the INVITE to the answer, or to the end when never answered (振铃时长).
    public var ringSeconds: Double
    /// Seconds of prompt the customer heard before the prompt ended or they hung up (放音时长).
    public var listenedSeconds: Double
    /// Keys pressed during the call, in order.
    public var dtmf: String
    /// The stereo WAV written, if any.
    public var recording: String?

    public init(outcome: CallOutcome, cause: CallCause? = nil, evidence: String = "", progressAudio: String? = nil,
                sipStatus: Int?, ringSeconds: Double, listenedSeconds: Double, dtmf: String, recording: String?) {
        self.outcome = outcome
        self.cause = cause ?? CampaignLeadLifecycle.usualCause(of: outcome)
        self.evidence = evidence
        self.progressAudio = progressAudio
        self.sipStatus = sipStatus
        self.ringSeconds = ringSeconds
        self.listenedSeconds = listenedSeconds
        self.dtmf = dtmf
        self.recording = recording
    }

    enum CodingKeys: String, CodingKey {
        case outcome, cause, evidence, progressAudio = "progress_audio", sipStatus = "sip_status", ringSeconds = "ring_s", listenedSeconds = "listened_s", dtmf, recording
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcome.rawValue, forKey: .outcome)
        try container.encode(cause.rawValue, forKey: .cause)
        try container.encode(evidence, forKey: .evidence)
        try container.encodeIfPresent(progressAudio, forKey: .progressAudio)
        try container.encode(sipStatus, forKey: .sipStatus)
        try container.encode(Self.rounded(ringSeconds), forKey: .ringSeconds)
        try container.encode(Self.rounded(listenedSeconds), forKey: .listenedSeconds)
        try container.encode(dtmf, forKey: .dtmf)
        try container.encode(recording, forKey: .recording)
    }

    /// The JSON object with the keys in the documented order, on one line.
    public var json: String {
        func string(_ value: String) -> String {
            let data = (try? JSONEncoder().encode(value)) ?? Data("\"\"".utf8)
            return String(decoding: data, as: UTF8.self)
        }
        func number(_ value: Double) -> String {
            let rounded = Self.rounded(value)
            return rounded == rounded.rounded() ? String(format: "%.1f", rounded) : String(rounded)
        }
        return "{\"outcome\":\(string(outcome.rawValue)),\"cause\":\(string(cause.rawValue)),\"evidence\":\(string(evidence)),\"sip_status\":\(sipStatus.map(String.init) ?? "null"),"
            + "\"ring_s\":\(number(ringSeconds)),\"listened_s\":\(number(listenedSeconds)),"
            + "\"dtmf\":\(string(dtmf)),\"recording\":\(recording.map(string) ?? "null")"
            + (progressAudio.map { ",\"progress_audio\":\(string($0))" } ?? "") + "}"
    }

    /// Two decimals: 10 ms is finer than anything a report shows.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
