/// A parsed message and the address it came from, as the decoder passes it on.
public struct SIPInbound: Sendable, Equatable {
    public var message: SIPMessage
    public var source: SIPEndpoint

    public init(message: SIPMessage, source: SIPEndpoint) {
        self.message = message
        self.source = source
    }
}
