/// A message to send and where to send it, as the encoder takes it.
public struct SIPOutbound: Sendable, Equatable {
    public var message: SIPMessage
    public var destination: SIPEndpoint

    public init(message: SIPMessage, destination: SIPEndpoint) {
        self.message = message
        self.destination = destination
    }

    /// A response goes where its top Via says (received / rport for NAT), falling back
    /// to the request's source when the Via cannot be read.
    public static func response(_ response: SIPResponse, fallback: SIPEndpoint) -> SIPOutbound {
        let target = response.topVia?.responseTarget
        return SIPOutbound(message: .response(response),
                           destination: target.map { SIPEndpoint(host: $0.host, port: $0.port) } ?? fallback)
    }
}
