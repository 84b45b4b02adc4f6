/// An RTP packet (RFC 3550 §5.1). Header extensions are skipped on parse and never
/// written; waihu has no use for them.
public struct RTPPacket: Sendable, Equatable {
    public var payloadType: UInt8
    public var marker: Bool
    public var sequenceNumber: UInt16
    public var timestamp: UInt32
    public var ssrc: UInt32
    public var csrcs: [UInt32]
    public var payload: [UInt8]

    public init(payloadType: UInt8, marker: Bool = false, sequenceNumber: UInt16, timestamp: UInt32,
                ssrc: UInt32, csrcs: [UInt32] = [], payload: [UInt8]) {
        self.payloadType = payloadType
        self.marker = marker
        self.sequenceNumber = sequenceNumber
        self.timestamp = timestamp
        self.ssrc = ssrc
        self.csrcs = csrcs
        self.payload = payload
    }

    public init(parsing bytes: [UInt8]) throws {
        guard bytes.count >= 12 else { throw RTPParseError.tooShort(bytes.count) }
        let version = bytes[0] >> 6
        guard version == 2 else { throw RTPParseError.unsupportedVersion(version) }
        let hasPadding = bytes[0] & 0x20 != 0
        let hasExtension = bytes[0] & 0x10 != 0
        let csrcCount = Int(bytes[0] & 0x0F)
        var offset = 12 + csrcCount * 4
        guard offset <= bytes.count else { throw RTPParseError.headerOverrun }
        if hasExtension {
            guard offset + 4 <= bytes.count else { throw RTPParseError.headerOverrun }
            let words = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            offset += 4 + words * 4
            guard offset <= bytes.count else { throw RTPParseError.headerOverrun }
        }
        var end = bytes.count
        if hasPadding {
            let padding = Int(bytes[bytes.count - 1])
            guard padding >= 1, end - padding >= offset else { throw RTPParseError.invalidPadding }
            end -= padding
        }
        self.init(payloadType: bytes[1] & 0x7F, marker: bytes[1] & 0x80 != 0,
                  sequenceNumber: UInt16(bytes[2]) << 8 | UInt16(bytes[3]),
                  timestamp: Self.readUInt32(bytes, at: 4), ssrc: Self.readUInt32(bytes, at: 8),
                  csrcs: (0..<csrcCount).map { Self.readUInt32(bytes, at: 12 + $0 * 4) },
                  payload: Array(bytes[offset..<end]))
    }

    public func serialized() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(12 + csrcs.count * 4 + payload.count)
        bytes.append(0x80 | UInt8(csrcs.count & 0x0F))
        bytes.append((marker ? 0x80 : 0) | (payloadType & 0x7F))
        bytes.append(UInt8(sequenceNumber >> 8))
        bytes.append(UInt8(sequenceNumber & 0xFF))
        Self.appendUInt32(timestamp, to: &bytes)
        Self.appendUInt32(ssrc, to: &bytes)
        for csrc in csrcs.prefix(15) { Self.appendUInt32(csrc, to: &bytes) }
        bytes.append(contentsOf: payload)
        return bytes
    }

    static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    static func appendUInt32(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 24))
        bytes.append(UInt8((value >> 16) & 0xFF))
        bytes.append(UInt8((value >> 8) & 0xFF))
        bytes.append(UInt8(value & 0xFF))
    }
}
