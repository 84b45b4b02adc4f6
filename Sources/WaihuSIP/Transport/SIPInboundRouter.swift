import NIOCore

/// Last handler: hands every message to the transaction user's callback.
final class SIPInboundRouter: ChannelInboundHandler {
    typealias InboundIn = SIPInbound

    private let onMessage: @Sendable (SIPInbound) -> Void

    init(onMessage: @escaping @Sendable (SIPInbound) -> Void) {
        self.onMessage = onMessage
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        onMessage(unwrapInboundIn(data))
    }
}
