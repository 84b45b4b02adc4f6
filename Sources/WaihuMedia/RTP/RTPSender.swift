/// The sending side of one RTP stream: one SSRC, sequence numbers +1 per packet,
/// timestamps advancing by the samples each packet covers (RFC 3550 §5.1). Initial
/// values are random, as §5.1 asks, unless a test pins them.
public struct RTPSender: Sendable {
    public let ssrc: UInt32
    public private(set) var nextSequenceNumber: UInt16
    /// Timestamp of the next audio packet.
    public private(set) var nextTimestamp: UInt32
    private var markNext = true

    public init(ssrc: UInt32 = .random(in: 1...UInt32.max), initialSequenceNumber: UInt16 = .random(in: 0...UInt16.max),
                initialTimestamp: UInt32 = .random(in: 0...UInt32.max)) {
        self.ssrc = ssrc
        self.nextSequenceNumber = initialSequenceNumber
        self.nextTimestamp = initialTimestamp
    }

    /// An audio packet covering `samples` samples (160 = 20 ms at 8 kHz). The first
    /// packet of a talkspurt carries the marker bit.
    public mutating func audioPacket(payloadType: UInt8, payload: [UInt8], samples: UInt32 = 160) -> RTPPacket {
        let packet = RTPPacket(payloadType: payloadType, marker: markNext, sequenceNumber: nextSequenceNumber,
                               timestamp: nextTimestamp, ssrc: ssrc, payload: payload)
        markNext = false
        nextSequenceNumber &+= 1
        nextTimestamp &+= samples
        return packet
    }

    /// A packet with an explicit timestamp (RFC 4733 events keep their start timestamp
    /// in every packet of one event), consuming a sequence number only.
    public mutating func packet(payloadType: UInt8, payload: [UInt8], timestamp: UInt32, marker: Bool) -> RTPPacket {
        let packet = RTPPacket(payloadType: payloadType, marker: marker, sequenceNumber: nextSequenceNumber,
                               timestamp: timestamp, ssrc: ssrc, payload: payload)
        nextSequenceNumber &+= 1
        return packet
    }

    /// Time passes without audio packets (during a DTMF event or a pause): the clock
    /// still advances, and the next audio packet starts a new talkspurt.
    public mutating func advance(samples: UInt32) {
        nextTimestamp &+= samples
        markNext = true
    }
}
