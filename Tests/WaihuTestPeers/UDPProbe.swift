import Foundation
import NIOCore
import NIOPosix

/// A raw UDP socket on 127.0.0.1 for tests: sends arbitrary bytes and keeps what it
/// receives, to flood the engine and to prove where its replies go.
public final class UDPProbe: @unchecked Sendable {
    public let channel: Channel
    private let received: ReceivedDatagrams

    private init(channel: Channel, received: ReceivedDatagrams) {
        self.channel = channel
        self.received = received
    }

    public static func bind() async throws -> UDPProbe {
        let received = ReceivedDatagrams()
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(received)) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return UDPProbe(channel: channel, received: received)
    }

    public var port: Int { channel.localAddress?.port ?? 0 }

    public func send(_ bytes: [UInt8], to port: Int) async throws {
        let address = try SocketAddress(ipAddress: "127.0.0.1", port: port)
        try await channel.writeAndFlush(AddressedEnvelope(remoteAddress: address, data: channel.allocator.buffer(bytes: bytes)))
    }

    public var datagrams: [String] { received.all }

    public func close() async { try? await channel.close() }

    public final class ReceivedDatagrams: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func append(_ text: String) { lock.withLock { items.append(text) } }
        var all: [String] { lock.withLock { items } }
    }

    public final class Collector: ChannelInboundHandler {
        public typealias InboundIn = AddressedEnvelope<ByteBuffer>
        let received: ReceivedDatagrams
        public init(_ received: ReceivedDatagrams) { self.received = received }
        public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data).data
            received.append(buffer.readString(length: buffer.readableBytes) ?? "")
        }
    }
}
