/// Turns incoming telephone-event packets into key presses. Every packet of one press
/// carries the same RTP timestamp, so a press is reported once, on its first packet,
/// and the repeats and the three end packets are ignored.
public struct DTMFReceiver: Sendable {
    private var lastTimestamp: UInt32?
    private var lastSSRC: UInt32?

    public init() {}

    /// The digit for a newly started press, or `nil` for a repeat or a non-digit event.
    public mutating func receive(_ packet: RTPPacket) -> Character? {
        guard let event = DTMFEvent(payload: packet.payload) else { return nil }
        if packet.timestamp == lastTimestamp && packet.ssrc == lastSSRC { return nil }
        lastTimestamp = packet.timestamp
        lastSSRC = packet.ssrc
        return event.digit
    }
}
