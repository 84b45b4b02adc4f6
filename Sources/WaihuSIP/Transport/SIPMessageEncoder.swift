import NIOCore

/// Serialises `SIPOutbound` into a datagram for its destination.
public final class SIPMessageEncoder: ChannelOutboundHandler {
    public typealias OutboundIn = SIPOutbound
    public typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    public init() {}

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let outbound = unwrapOutboundIn(data)
        do {
            let address = try outbound.destination.socketAddress()
            let buffer = context.channel.allocator.buffer(bytes: outbound.message.serialized())
            context.write(wrapOutboundOut(AddressedEnvelope(remoteAddress: address, data: buffer)), promise: promise)
        } catch {
            promise?.fail(error)
        }
    }
}
