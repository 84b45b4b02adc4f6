import Foundation

/// Writes RTP packets into a classic pcap file (Ethernet, IPv4, UDP on 127.0.0.1) for SIPp's
/// `play_pcap_audio`, which replays the UDP payloads with the file's timing from the
/// customer's media port to the port in waihu's SDP. Used where `rtp_stream` cannot go:
/// packets lost on the way (their sequence numbers stay missing), jitter, any payload type.
public enum RTPPcapWriter {
    /// Sends `payloads` every 20 ms; drops the share `loss` of them (exactly: 3 % of 150
    /// packets is 5 packets, chosen at random), delays each by up to `jitterMS` (packets may
    /// overtake each other, as on a real network). `seed` makes the choice repeatable.
    public static func write(payloads: [[UInt8]], payloadType: Int, loss: Double = 0, jitterMS: Int = 0,
                             seed: UInt64 = 17, to url: URL) throws {
        var random = SplitMix64(seed: seed)
        let ssrc = UInt32(truncatingIfNeeded: random.next())
        var order = Array(payloads.indices)
        for index in order.indices.reversed() where index > 0 {
            order.swapAt(index, Int(random.next() % UInt64(index + 1)))
        }
        let lost = Set(order.prefix(Int((loss * Double(payloads.count)).rounded())))
        var packets: [(microseconds: Int, bytes: [UInt8])] = []
        for (index, payload) in payloads.enumerated() where !lost.contains(index) {
            let delay = jitterMS > 0 ? Int(random.unit() * Double(jitterMS * 1000)) : 0
            var rtp: [UInt8] = [0x80, UInt8(payloadType & 0x7F)]
            // Sequence and timestamp (20 ms at 8 kHz) count the lost packets too.
            rtp += be16(index & 0xFFFF) + be32(UInt32(truncatingIfNeeded: index * 160)) + be32(ssrc)
            packets.append((index * 20_000 + delay, rtp + payload))
        }
        packets.sort { $0.microseconds < $1.microseconds }

        // pcap global header: magic, version 2.4, zone, accuracy, snap length, Ethernet.
        var file = le32(0xA1B2_C3D4) + le16(2) + le16(4) + le32(0) + le32(0) + le32(65535) + le32(1)
        let start = 1_700_000_000
        for (identifier, packet) in packets.enumerated() {
            let frame = ethernetIPv4UDP(packet.bytes, identifier: identifier)
            file += le32(UInt32(start + packet.microseconds / 1_000_000)) + le32(UInt32(packet.microseconds % 1_000_000))
            file += le32(UInt32(frame.count)) + le32(UInt32(frame.count)) + frame
        }
        try Data(file).write(to: url)
    }

    /// A loopback datagram to port 6000 (SIPp maps the lowest destination port in the file
    /// to the port waihu's SDP names).
    private static func ethernetIPv4UDP(_ payload: [UInt8], identifier: Int) -> [UInt8] {
        let ethernet = [UInt8](repeating: 0, count: 12) + [0x08, 0x00]
        let udpLength = 8 + payload.count
        var ip: [UInt8] = [0x45, 0] + be16(20 + udpLength) + be16(identifier & 0xFFFF) + [0, 0, 64, 17, 0, 0]
        ip += [127, 0, 0, 1, 127, 0, 0, 1]
        let checksum = ipChecksum(ip)
        ip[10] = UInt8(checksum >> 8)
        ip[11] = UInt8(checksum & 0xFF)
        let udp = be16(6002) + be16(6000) + be16(udpLength) + [0, 0]  // checksum 0: none, allowed on IPv4
        return ethernet + ip + udp + payload
    }

    private static func ipChecksum(_ header: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        for index in stride(from: 0, to: header.count, by: 2) { sum += UInt32(header[index]) << 8 | UInt32(header[index + 1]) }
        while sum >> 16 != 0 { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~UInt16(sum)
    }

    private static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    private static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    private static func be16(_ v: Int) -> [UInt8] { [UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
    private static func be32(_ v: UInt32) -> [UInt8] { (0..<4).reversed().map { UInt8((v >> (8 * $0)) & 0xFF) } }
}
