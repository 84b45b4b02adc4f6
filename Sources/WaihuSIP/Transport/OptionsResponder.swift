import NIOCore

/// Answers out-of-dialog OPTIONS with 200 (RFC 3261 §11.2), which trunks and SBCs use
/// as a keep-alive to decide whether waihu is up. Everything else passes through.
public final class OptionsResponder: ChannelDuplexHandler {
    public typealias InboundIn = SIPInbound
    public typealias InboundOut = SIPInbound
    public typealias OutboundIn = SIPOutbound
    public typealias OutboundOut = SIPOutbound

    public static let allow = "INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, INFO"

    public init() {}

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let inbound = unwrapInboundIn(data)
        guard case .request(let request) = inbound.message, request.method == .options,
              request.to?.tag == nil else {
            context.fireChannelRead(data)
            return
        }
        var response = SIPResponse(replyingTo: request, statusCode: 200, toTag: SIPIdentifiers.tag())
        response.headers.add("Allow", Self.allow)
        response.headers.add("Accept", "application/sdp")
        context.writeAndFlush(wrapOutboundOut(.response(response, fallback: inbound.source)), promise: nil)
    }
}
