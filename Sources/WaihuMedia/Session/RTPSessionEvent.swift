/// What an RTP session reports to its call leg.
public enum RTPSessionEvent: Sendable, Equatable {
    /// A key press received as RFC 4733 event.
    case digit(Character)
    /// Call audio for the recording, 200 ms at a time (the rest at the end): customer on
    /// the left, waihu on the right.
    case recorded(left: [Int16], right: [Int16])
    /// The first packet arrived from the peer; symmetric RTP now sends there.
    case remoteLatched(host: String, port: Int)
    /// Nothing arrived for the configured time: the far end is probably gone without a
    /// BYE (carrier fault, phone out of coverage). Reported once; the leg decides.
    case mediaTimeout
    /// The call-progress analyser is certain of something (a tone, an announcement, a voice).
    case progress(CallProgressDetection)
}
