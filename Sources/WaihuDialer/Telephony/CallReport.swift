import Foundation
import WaihuDomain

/// The one-line result of a call (`waihu call play` prints it), exactly issue #5 §7:
/// `{"outcome":…,"sip_status":…,"ring_s":…,"listened_s":…,"dtmf":"…","recording":"…"}`.
public struct CallReport: Sendable, Equatable, Encodable {
    public var outcome: CallOutcome
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

    public init(outcome: CallOutcome, sipStatus: Int?, ringSeconds: Double, listenedSeconds: Double, dtmf: String,
                recording: String?) {
        self.outcome = outcome
        self.sipStatus = sipStatus
        self.ringSeconds = ringSeconds
        self.listenedSeconds = listenedSeconds
        self.dtmf = dtmf
        self.recording = recording
    }

    enum CodingKeys: String, CodingKey {
        case outcome, sipStatus = "sip_status", ringSeconds = "ring_s", listenedSeconds = "listened_s", dtmf, recording
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcome.rawValue, forKey: .outcome)
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
        return "{\"outcome\":\(string(outcome.rawValue)),\"sip_status\":\(sipStatus.map(String.init) ?? "null"),"
            + "\"ring_s\":\(number(ringSeconds)),\"listened_s\":\(number(listenedSeconds)),"
            + "\"dtmf\":\(string(dtmf)),\"recording\":\(recording.map(string) ?? "null")}"
    }

    /// Two decimals: 10 ms is finer than anything a report shows.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
