import Foundation

/// What a dialled number does, as its carrier and callee show it to waihu (issue 17): the
/// progress (180, or 183 with or without SDP and its early media), how long it lasts, and
/// the end: a final response with an optional `Reason: Q.850` cause, or an answer and what
/// waihu hears after it. `ProgressPeers.customer(_:port:)` plays it with SIPp.
public struct CustomerBehaviour: Sendable, Hashable {
    public enum Progress: Sendable, Hashable {
        /// 180 Ringing, nothing to hear.
        case ringing
        /// 183 Session Progress without SDP: nowhere to hear from (bad input).
        case sessionProgressWithoutSDP
        /// 183 Session Progress with SDP, then this sound as early media; nil sends no RTP.
        case earlyMedia(ProgressAudio.Sound?)
    }

    public enum Ending: Sendable, Hashable {
        /// A final response; `q850` adds `Reason: Q.850;cause=N;text="…"`.
        case reject(status: Int, q850: Int? = nil)
        /// 200 OK with SDP, then this sound (nil: silence); the callee hangs up after `talkMS`
        /// unless waihu sent BYE first.
        case answer(ProgressAudio.Sound?, talkMS: Int = 8000)

        var isAnswer: Bool { if case .answer = self { true } else { false } }
    }

    public var progress: Progress
    /// How long the progress lasts before the ending, unless waihu cancels first.
    public var progressMS: Int
    public var ending: Ending
    /// The codec of the SDP answer and of the audio.
    public var codec: ProgressAudio.Codec
    /// An RTP payload type other than the SDP's (bad input), e.g. 18 (SIPp then sends
    /// 20-byte G.729-sized packets) or 96.
    public var wirePayloadType: Int?
    /// The share of RTP packets lost on the way (0…1), and how late a packet may be.
    /// Either makes SIPp replay a pcap instead of streaming the file.
    public var loss: Double
    public var jitterMS: Int
    /// The address the SDP names for the customer's media when it is not the one RTP comes
    /// from (bad input: "RTP from another address"). Loopback only.
    public var sdpMediaAddress: String?

    public init(progress: Progress, progressMS: Int = 3000, ending: Ending, codec: ProgressAudio.Codec = .pcma,
                wirePayloadType: Int? = nil, loss: Double = 0, jitterMS: Int = 0, sdpMediaAddress: String? = nil) {
        self.progress = progress
        self.progressMS = progressMS
        self.ending = ending
        self.codec = codec
        self.wirePayloadType = wirePayloadType
        self.loss = loss
        self.jitterMS = jitterMS
        self.sdpMediaAddress = sdpMediaAddress
    }

    /// 183 with SDP, `sound` for `forMS`, then `ending` (a carrier's announcement or tone).
    public static func earlyMedia(_ sound: ProgressAudio.Sound, forMS: Int = 6000, then ending: Ending,
                                  codec: ProgressAudio.Codec = .pcma) -> Self {
        Self(progress: .earlyMedia(sound), progressMS: forMS, ending: ending, codec: codec)
    }

    /// 183 with SDP and no RTP at all, then `ending`.
    public static func silentEarlyMedia(forMS: Int = 2000, then ending: Ending) -> Self {
        Self(progress: .earlyMedia(nil), progressMS: forMS, ending: ending)
    }

    /// 183 without SDP, then `ending`.
    public static func sessionProgressWithoutSDP(forMS: Int = 1000, then ending: Ending) -> Self {
        Self(progress: .sessionProgressWithoutSDP, progressMS: forMS, ending: ending)
    }

    /// 180, then `ending`: signalling alone.
    public static func rings(forMS: Int = 1000, then ending: Ending) -> Self {
        Self(progress: .ringing, progressMS: forMS, ending: ending)
    }

    /// 180 for `afterRingMS`, then 200 OK and `sound` (a secretary, a live greeting).
    public static func answers(playing sound: ProgressAudio.Sound?, afterRingMS: Int = 1000, talkMS: Int = 8000,
                               codec: ProgressAudio.Codec = .pcma) -> Self {
        Self(progress: .ringing, progressMS: afterRingMS, ending: .answer(sound, talkMS: talkMS), codec: codec)
    }

    /// The same, with packets lost and delayed on the way.
    public func lossy(_ loss: Double, jitterMS: Int = 0) -> Self {
        var copy = self
        copy.loss = loss
        copy.jitterMS = jitterMS
        return copy
    }

    /// The same, with RTP carrying `payloadType` whatever the SDP says.
    public func sendingPayloadType(_ payloadType: Int) -> Self {
        var copy = self
        copy.wirePayloadType = payloadType
        return copy
    }

    /// The same, with the SDP naming `address` (another loopback address, e.g. 127.0.0.2)
    /// while RTP still comes from 127.0.0.1: waihu must take the audio or ignore it, never crash.
    public func claimingMediaAddress(_ address: String) -> Self {
        precondition(address.hasPrefix("127."), "test peers stay on loopback")
        var copy = self
        copy.sdpMediaAddress = address
        return copy
    }

    /// SIPp's `rtp_stream` knows only these payload types (and their packet sizes); it sends
    /// a file from the media port at exact 20 ms. Anything else goes through a pcap.
    var streamsFile: Bool {
        loss == 0 && jitterMS == 0 && [0, 8, 18].contains(wirePayloadType ?? codec.payloadType)
    }
}
