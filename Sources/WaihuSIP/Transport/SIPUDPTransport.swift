import Logging
import NIOCore
import NIOPosix

/// SIP over UDP on one local port (TCP and TLS are not supported yet). The pipeline is
/// decoder → encoder → OPTIONS responder → the caller's callback; the callback runs on
/// the channel's event loop and must not block.
public final class SIPUDPTransport: Sendable {
    public let channel: Channel

    private init(channel: Channel) {
        self.channel = channel
    }

    /// Binds `host:port` (port 0 picks a free one) and starts delivering messages.
    public static func bind(host: String, port: Int, group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                            logger: Logger = Logger(label: "waihu.sip.udp"),
                            onMessage: @escaping @Sendable (SIPInbound) -> Void) async throws -> SIPUDPTransport {
        let channel = try await DatagramBootstrap(group: group)
            .channelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        SIPMessageDecoder(logger: logger), SIPMessageEncoder(), OptionsResponder(),
                        SIPInboundRouter(onMessage: onMessage),
                    ])
                }
            }
            .bind(host: host, port: port)
            .get()
        return SIPUDPTransport(channel: channel)
    }

    /// The bound address, with the real port when 0 was asked for.
    public var localEndpoint: SIPEndpoint? { SIPEndpoint(channel.localAddress) }

    public func send(_ message: SIPMessage, to destination: SIPEndpoint) async throws {
        try await channel.writeAndFlush(SIPOutbound(message: message, destination: destination))
    }

    /// Sends a response to the address its top Via names (with received/rport applied).
    public func send(_ response: SIPResponse, fallback: SIPEndpoint) async throws {
        try await channel.writeAndFlush(SIPOutbound.response(response, fallback: fallback))
    }

    public func close() async throws {
        try await channel.close()
    }
}
