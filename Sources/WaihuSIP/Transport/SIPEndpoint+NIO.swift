import NIOCore

extension SIPEndpoint {
    /// The endpoint of a socket address; `nil` for Unix sockets.
    public init?(_ address: SocketAddress?) {
        guard let address, let ip = address.ipAddress, let port = address.port else { return nil }
        self.init(host: ip, port: port)
    }

    /// The socket address for an IP literal. Host names are refused rather than resolved
    /// here: resolving blocks, and event loops must not block (RFC 3263 lookup is a TODO).
    public func socketAddress() throws -> SocketAddress {
        let ip = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return try SocketAddress(ipAddress: ip, port: port)
    }
}
