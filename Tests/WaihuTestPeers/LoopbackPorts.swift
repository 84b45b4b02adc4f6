import Foundation

/// Ports for peers that bind fixed ports on loopback (baresip binds its SIP port on UDP and
/// TCP, and a control port). They come from 10000–19999: below the kernel's ephemeral range
/// (32768–60999), where any outgoing TCP connection of the tests (HTTP clients, the PostgreSQL
/// pool) may hold the same number and make the peer fail with "Address already in use", and
/// away from the SIPp peers (20000–28999) and the engines' RTP ranges (30000–33999).
public enum LoopbackPorts {
    /// A port `p` with `p…p + span` free on UDP and TCP right now (`span` covers the peer's
    /// control and RTP ports).
    public static func freeBlock(span: Int = 60) -> Int {
        for _ in 0..<200 {
            let port = Int.random(in: 10000...(19999 - span))
            if [port, port + 1, port + span / 2, port + span].allSatisfy(isFree) { return port }
        }
        return Int.random(in: 10000...(19999 - span))
    }

    /// Whether `port` can be bound on 127.0.0.1 for both UDP and TCP.
    public static func isFree(_ port: Int) -> Bool {
        canBind(port, type: Int32(SOCK_DGRAM.rawValue)) && canBind(port, type: Int32(SOCK_STREAM.rawValue))
    }

    private static func canBind(_ port: Int, type: Int32) -> Bool {
        let fd = socket(AF_INET, type, 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
