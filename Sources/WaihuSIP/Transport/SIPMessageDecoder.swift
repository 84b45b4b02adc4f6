import Logging
import NIOCore

/// First handler of the SIP pipeline: datagrams in, `SIPInbound` out. Requests get the
/// real source stamped into their top Via (RFC 3581 rport/received) so that replies
/// reach phones behind NAT. Malformed datagrams are answered 400 when they can be
/// addressed, otherwise dropped; either way nothing else on the channel is disturbed.
public final class SIPMessageDecoder: ChannelInboundHandler {
    public typealias InboundIn = AddressedEnvelope<ByteBuffer>
    public typealias InboundOut = SIPInbound
    public typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    private let logger: Logger
    public private(set) var rejectedCount = 0
    /// Malformed requests answered 400 (or 505), and datagrams dropped unanswered.
    public private(set) var answeredCount = 0
    public private(set) var droppedCount = 0

    public init(logger: Logger = Logger(label: "waihu.sip.decoder")) {
        self.logger = logger
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        guard let source = SIPEndpoint(envelope.remoteAddress) else { return }
        var buffer = envelope.data
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        // Bare CRLF keep-alives (RFC 5626 §4.4.1 style) carry nothing to parse.
        if bytes.allSatisfy({ $0 == 0x0D || $0 == 0x0A }) { return }
        do {
            var message = try SIPMessageParser.parse(bytes)
            if case .request(var request) = message, var via = request.topVia {
                via.stampSource(host: source.host, port: source.port)
                request.headers.removeFirstValue("Via")
                request.headers.prepend("Via", via.description)
                message = .request(request)
            }
            context.fireChannelRead(wrapInboundOut(SIPInbound(message: message, source: source)))
        } catch let error as SIPParseError {
            rejectedCount += 1
            logger.debug("dropping malformed SIP datagram", metadata: ["source": "\(source)", "error": "\(error)"])
            guard let response = SIPMessageParser.badRequestResponse(to: bytes, error: error) else {
                droppedCount += 1
                return
            }
            answeredCount += 1
            // The reply goes to the datagram's real source, never to a host named inside
            // the rejected message (it could aim our 400 at a third party).
            let reply = context.channel.allocator.buffer(bytes: response.serialized())
            context.writeAndFlush(wrapOutboundOut(AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: reply)),
                                  promise: nil)
        } catch {
            rejectedCount += 1
            droppedCount += 1
        }
    }
}
