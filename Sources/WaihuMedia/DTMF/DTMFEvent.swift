/// An RFC 4733 telephone-event payload (按键): event code, end bit, volume and the
/// duration so far in timestamp units.
public struct DTMFEvent: Sendable, Equatable {
    /// 0–9, then * = 10, # = 11, A–D = 12–15.
    public var code: UInt8
    public var isEnd: Bool
    /// Power level in −dBm0, 0…63 (10 is a typical telephone level).
    public var volume: UInt8
    public var duration: UInt16

    public init(code: UInt8, isEnd: Bool = false, volume: UInt8 = 10, duration: UInt16) {
        self.code = code
        self.isEnd = isEnd
        self.volume = volume & 0x3F
        self.duration = duration
    }

    public init?(payload: [UInt8]) {
        guard payload.count >= 4 else { return nil }
        self.init(code: payload[0], isEnd: payload[1] & 0x80 != 0, volume: payload[1] & 0x3F,
                  duration: UInt16(payload[2]) << 8 | UInt16(payload[3]))
    }

    public var payload: [UInt8] {
        [code, (isEnd ? 0x80 : 0) | (volume & 0x3F), UInt8(duration >> 8), UInt8(duration & 0xFF)]
    }

    private static let digits: [Character] = Array("0123456789*#ABCD")

    /// The keypad character for this event, `nil` for non-DTMF events (flash, tones).
    public var digit: Character? {
        code < 16 ? Self.digits[Int(code)] : nil
    }

    public static func code(for digit: Character) -> UInt8? {
        Self.digits.firstIndex(of: Character(digit.uppercased())).map { UInt8($0) }
    }

    /// The payloads for sending one key press: a packet per `packetSamples` with the
    /// growing duration, then the end packet three times (RFC 4733 §2.5.1.4) so that
    /// one lost packet does not lose the digit. All share the event's start timestamp.
    public static func sendingSequence(digit: Character, durationSamples: UInt16 = 800,
                                       packetSamples: UInt16 = 160, volume: UInt8 = 10) -> [DTMFEvent]? {
        guard let code = code(for: digit), packetSamples > 0 else { return nil }
        let packets = max(1, Int(durationSamples) / Int(packetSamples))
        var events: [DTMFEvent] = []
        for index in 1..<packets {
            events.append(DTMFEvent(code: code, volume: volume, duration: UInt16(index) * packetSamples))
        }
        let total = UInt16(packets) * packetSamples
        for _ in 0..<3 { events.append(DTMFEvent(code: code, isEnd: true, volume: volume, duration: total)) }
        return events
    }
}
