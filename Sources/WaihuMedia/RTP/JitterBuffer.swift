/// A small fixed-delay jitter buffer for the recording path (录音): packets are held
/// until `depth` are queued, then released in sequence order, one per 20 ms tick. A
/// missing packet is reported as lost once the buffer is full enough that waiting
/// longer would only add delay.
public struct JitterBuffer: Sendable {
    public enum Output: Sendable, Equatable {
        case packet(RTPPacket)
        /// The caller fills the gap (silence or a repeat of the last frame).
        case lost(sequenceNumber: UInt16)
    }

    public let depth: Int
    public let capacity: Int
    private var packets: [UInt16: RTPPacket] = [:]
    private var nextSequence: UInt16?
    private var ssrc: UInt32?
    public private(set) var droppedLate = 0
    public private(set) var duplicates = 0

    public init(depth: Int = 3, capacity: Int = 50) {
        self.depth = max(1, depth)
        self.capacity = max(self.depth, capacity)
    }

    public var count: Int { packets.count }

    /// Signed distance from `a` to `b` in sequence space (RFC 3550 wraparound).
    static func distance(from a: UInt16, to b: UInt16) -> Int { Int(Int16(bitPattern: b &- a)) }

    public mutating func insert(_ packet: RTPPacket) {
        if let ssrc, ssrc != packet.ssrc {
            // The peer restarted its stream (re-INVITE, transfer): start over.
            reset()
        }
        ssrc = packet.ssrc
        if let next = nextSequence {
            let distance = Self.distance(from: next, to: packet.sequenceNumber)
            if distance < 0 {
                droppedLate += 1
                return
            }
            if distance >= capacity {
                // A jump far ahead: resynchronise rather than report hundreds of losses.
                packets.removeAll()
                nextSequence = packet.sequenceNumber
            }
        }
        guard packets[packet.sequenceNumber] == nil else {
            duplicates += 1
            return
        }
        packets[packet.sequenceNumber] = packet
        if packets.count > capacity, let oldest = oldestSequence() {
            packets[oldest] = nil
        }
    }

    /// The next output, or `nil` while still filling up.
    public mutating func pop() -> Output? {
        if nextSequence == nil {
            guard packets.count >= depth, let first = oldestSequence() else { return nil }
            nextSequence = first
        }
        guard let next = nextSequence else { return nil }
        if let packet = packets.removeValue(forKey: next) {
            nextSequence = next &+ 1
            return .packet(packet)
        }
        guard packets.count >= depth else { return nil }
        nextSequence = next &+ 1
        return .lost(sequenceNumber: next)
    }

    /// Everything still held, in order with gaps reported, for the end of a call.
    public mutating func drain() -> [Output] {
        var outputs: [Output] = []
        if nextSequence == nil { nextSequence = oldestSequence() }
        while !packets.isEmpty, let next = nextSequence {
            if let packet = packets.removeValue(forKey: next) {
                outputs.append(.packet(packet))
            } else {
                outputs.append(.lost(sequenceNumber: next))
            }
            nextSequence = next &+ 1
        }
        return outputs
    }

    public mutating func reset() {
        packets.removeAll()
        nextSequence = nil
        ssrc = nil
    }

    private func oldestSequence() -> UInt16? {
        guard let any = packets.keys.first else { return nil }
        return packets.keys.reduce(any) { Self.distance(from: $0, to: $1) < 0 ? $1 : $0 }
    }
}
