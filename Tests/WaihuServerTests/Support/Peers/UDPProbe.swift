import Foundation
import NIOCore
import NIOPosix

/// A raw UDP socket on 127.0.0.1 for tests: sends arbitrary bytes and keeps what it
/// receives, to flood the engine and to prove where its replies go.
final class UDPProbe: @unchecked Sendable {
    let channel: Channel
    private let received: ReceivedDatagrams

    private init(channel: Channel, received: ReceivedDatagrams) {
        self.channel = channel
        self.received = received
    }

    static func bind() async throws -> UDPProbe {
        let received = ReceivedDatagrams()
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(received)) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return UDPProbe(channel: channel, received: received)
    }

    var port: Int { channel.localAddress?.port ?? 0 }

    func send(_ bytes: [UInt8], to port: Int) async throws {
        let address = try SocketAddress(ipAddress: "127.0.0.1", port: port)
        try await channel.writeAndFlush(AddressedEnvelope(remoteAddress: address, data: channel.allocator.buffer(bytes: bytes)))
    }

    var datagrams: [String] { received.all }

    func close() async { try? await channel.close() }

    final class ReceivedDatagrams: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func append(_ text: String) { lock.withLock { items.append(text) } }
        var all: [String] { lock.withLock { items } }
    }

    final class Collector: ChannelInboundHandler {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        let received: ReceivedDatagrams
        init(_ received: ReceivedDatagrams) { self.received = received }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data).data
            received.append(buffer.readString(length: buffer.readableBytes) ?? "")
        }
    }
}
