import Foundation

/// What a carrier or a callee plays to waihu before or after answering (issue 17), made at
/// test time: Mandarin announcements spoken by espeak-ng, the Chinese 450 Hz tones and the
/// ITU special information tone, live greetings. Files are made once per test process and
/// kept in a temporary directory; nothing large lives in git.
///
/// A real carrier plays the same recording every time, so the realistic differences between
/// two hearings of one announcement are its level, codec, start offset and packet loss (see
/// `CustomerBehaviour.loss`), not another voice: a test that teaches waihu one rendering
/// (`wav8k(.announcement(.vacant))`) and dials with another level, offset or codec is the
/// honest one. Another voice or speed is a different recording.
public enum ProgressAudio {
    /// A recorded network announcement, one per cause (the table is `words`).
    public enum Announcement: String, CaseIterable, Sendable, Hashable {
        case vacant
        case poweredOff = "powered_off"
        case suspended
        case unreachable
        case busy
        case numberChanged = "number_changed"
        /// 秘书台 / 小秘书: played after a 200 OK, not as early media.
        case secretary

        /// What the carrier says: the Chinese recording, then (on most networks) the same in English.
        public var words: (chinese: String, english: String?) {
            switch self {
            case .vacant: ("您拨打的号码是空号，请查证后再拨", "The number you dialed does not exist, please check it and dial again.")
            case .poweredOff: ("您拨打的电话已关机", "The subscriber you dialed is power off.")
            case .suspended: ("您拨打的电话已停机", "The number you dialed is out of service.")
            case .unreachable: ("您拨打的电话暂时无法接通，请稍后再拨", "The subscriber you dialed can not be connected for the moment, please redial later.")
            case .busy: ("您拨打的用户正忙，请稍后再拨", "The subscriber you dialed is busy now, please redial later.")
            case .numberChanged: ("您拨打的号码已改号，新号码是幺三八零零幺三八零零零", "The number you dialed has been changed.")
            case .secretary: ("您好，机主现在不方便接听电话，我是他的秘书，请在提示音后留言", nil)
            }
        }

        /// A voicemail-style service ends its words with a beep ("请在提示音后留言").
        var endsWithBeep: Bool { self == .secretary }
    }

    /// A live person answering; followed by silence, as a callee waits for the caller to speak.
    public enum Greeting: String, CaseIterable, Sendable, Hashable {
        case weiNiHao = "wei_ni_hao"
        case weiNaWei = "wei_na_wei"
        case niHaoQingJiang = "ni_hao_qing_jiang"

        public var words: String {
            switch self {
            case .weiNiHao: "喂？你好"
            case .weiNaWei: "喂，哪位？"
            case .niHaoQingJiang: "你好，请讲"
            }
        }
    }

    /// Call-progress tones: the Chinese 450 Hz cadences and the ITU special information tone.
    public enum Tone: String, CaseIterable, Sendable, Hashable {
        /// 回铃音: 450 Hz, 1 s on, 4 s off.
        case ringback
        /// 忙音: 450 Hz, 0.35 s on, 0.35 s off.
        case busy
        /// 拥塞音: 450 Hz, 0.7 s on, 0.7 s off.
        case congestion
        /// SIT (ITU-T E.180): 950, 1400, 1800 Hz, 330 ms each, then 1 s of silence.
        case specialInformation = "sit"
    }

    /// An espeak-ng voice. The plain `cmn` voice of espeak-ng 1.51 (Debian 12) reads its own
    /// pinyin as English words; `cmn-latn-pinyin` speaks Mandarin with tones.
    public struct Voice: Hashable, Sendable {
        public var name: String
        /// espeak-ng `-p`, 0…99.
        public var pitch: Int

        public init(name: String, pitch: Int = 50) {
            self.name = name
            self.pitch = pitch
        }

        public static let standard = Voice(name: "cmn-latn-pinyin")
        public static let female = Voice(name: "cmn-latn-pinyin+f3", pitch: 60)
        public static let male = Voice(name: "cmn-latn-pinyin+m3", pitch: 40)
    }

    /// One piece of audio. Levels are dB relative to the reference rendering, whose peak is
    /// at −1 dBFS (tones: the peak in dBFS); offsets are leading silence.
    public enum Sound: Hashable, Sendable {
        case announcement(Announcement, voice: Voice = .standard, speed: Int = 160, levelDB: Double = 0, offsetMS: Int = 0)
        case greeting(Greeting, voice: Voice = .standard, speed: Int = 160, levelDB: Double = 0, offsetMS: Int = 0,
                      silenceAfterMS: Int = 4000)
        case tone(Tone, seconds: Double = 10, levelDB: Double = -10, offsetMS: Int = 0)
        case silence(seconds: Double)
    }

    /// The G.711 codecs the test customers answer with.
    public enum Codec: String, Sendable, Hashable {
        case pcma, pcmu

        public var payloadType: Int { self == .pcma ? 8 : 0 }
        public var rtpmap: String { self == .pcma ? "PCMA/8000" : "PCMU/8000" }
        /// sox's name for the headerless file SIPp's `rtp_stream` sends byte for byte.
        var soxType: String { self == .pcma ? "al" : "ul" }
    }

    /// The sound as headerless G.711 bytes (A-law or µ-law), a whole number of 20 ms frames:
    /// what SIPp's `<exec rtp_stream="FILE,1,PT"/>` wants (it sends the file's bytes as they are,
    /// a WAV header included).
    public static func clip(_ sound: Sound, codec: Codec = .pcma) throws -> URL {
        try ProgressAudioRenderer.shared.clip(sound, codec: codec)
    }

    /// The sound as an 8 kHz mono 16-bit WAV, e.g. for `waihu announcements learn FILE.wav`.
    public static func wav8k(_ sound: Sound) throws -> URL {
        try ProgressAudioRenderer.shared.wav8k(sound)
    }

    /// The sound's 8 kHz samples.
    public static func samples(_ sound: Sound) throws -> [Int16] {
        try ProgressAudioRenderer.shared.samples(sound)
    }

    /// The clip cut into 20 ms G.711 payloads (160 bytes each), as RTP would carry them.
    public static func frames(_ sound: Sound, codec: Codec = .pcma) throws -> [[UInt8]] {
        let bytes = [UInt8](try Data(contentsOf: clip(sound, codec: codec)))
        return stride(from: 0, to: bytes.count, by: 160).map { Array(bytes[$0..<min($0 + 160, bytes.count)]) }
    }
}
