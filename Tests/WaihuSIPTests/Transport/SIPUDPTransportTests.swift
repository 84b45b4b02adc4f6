import Foundation
import NIOCore
import NIOPosix
import XCTest
@testable import WaihuSIP

/// Runs the real UDP transport on 127.0.0.1 and talks to it from a plain datagram socket.
final class SIPUDPTransportTests: XCTestCase {
    /// Collects datagrams that arrive at the test's own socket.
    final class DatagramCollector: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        let inbox: Inbox<[UInt8]>

        init(inbox: Inbox<[UInt8]>) {
            self.inbox = inbox
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data).data
            inbox.append(buffer.readBytes(length: buffer.readableBytes) ?? [])
        }
    }

    private func options(callID: String, port: Int) -> [UInt8] {
        Array("""
        OPTIONS sip:waihu@127.0.0.1 SIP/2.0\r
        Via: SIP/2.0/UDP 192.168.1.50:5060;branch=z9hG4bK\(callID);rport\r
        From: <sip:trunk@example.cn>;tag=t1\r
        To: <sip:waihu@127.0.0.1>\r
        Call-ID: \(callID)\r
        CSeq: 1 OPTIONS\r
        Max-Forwards: 70\r
        Content-Length: 0\r
        \r

        """.utf8)
    }

    func testAnswersOptionsDropsGarbageAndAnswersMalformedWith400() async throws {
        let delivered = Inbox<SIPInbound>()
        let server = try await SIPUDPTransport.bind(host: "127.0.0.1", port: 0) { delivered.append($0) }
        let serverAddress = try XCTUnwrap(server.localEndpoint).socketAddress()

        let replies = Inbox<[UInt8]>()
        let client = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(DatagramCollector(inbox: replies))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let clientPort = try XCTUnwrap(client.localAddress?.port)

        func send(_ bytes: [UInt8]) async throws {
            try await client.writeAndFlush(AddressedEnvelope(remoteAddress: serverAddress, data: ByteBuffer(bytes: bytes)))
        }

        // Garbage first, then a valid OPTIONS: the first reply must be the 200.
        try await send(Array("\u{0}\u{1}garbage that is not SIP\r\n\r\n".utf8))
        try await send(Array(repeating: 0xFF, count: 300))
        try await send(options(callID: "opt-1", port: clientPort))
        let first = try await nextMessage(replies)
        guard case .response(let ok) = first else { return XCTFail("expected a response") }
        XCTAssertEqual(ok.statusCode, 200)
        XCTAssertEqual(ok.callID, "opt-1")
        XCTAssertNotNil(ok.to?.tag)
        XCTAssertEqual(ok.headers["Allow"], OptionsResponder.allow)
        // The Via was stamped with the real source, which is how the reply found us.
        XCTAssertEqual(ok.topVia?.received, "127.0.0.1")
        XCTAssertEqual(ok.topVia?.rport, clientPort)

        // Malformed but addressable: 400 with the reason.
        var broken = options(callID: "opt-2", port: clientPort)
        broken = Array(String(decoding: broken, as: UTF8.self).replacingOccurrences(of: "CSeq: 1 OPTIONS", with: "CSeq: 1 INVITE").utf8)
        try await send(broken)
        guard case .response(let bad) = try await nextMessage(replies) else { return XCTFail("expected a response") }
        XCTAssertEqual(bad.statusCode, 400)
        XCTAssertEqual(bad.callID, "opt-2")

        // Still serving after the bad input, and non-OPTIONS requests reach the callback.
        try await send(options(callID: "opt-3", port: clientPort))
        guard case .response(let again) = try await nextMessage(replies) else { return XCTFail("expected a response") }
        XCTAssertEqual(again.callID, "opt-3")

        var bye = String(decoding: options(callID: "bye-1", port: clientPort), as: UTF8.self)
        bye = bye.replacingOccurrences(of: "OPTIONS", with: "BYE")
        try await send(Array(bye.utf8))
        let inbound = try await delivered.next()
        guard case .request(let request) = inbound.message else { return XCTFail("expected the BYE") }
        XCTAssertEqual(request.method, .bye)
        XCTAssertEqual(inbound.source.port, clientPort)

        // Sending through the transport reaches the peer.
        var response = SIPResponse(replyingTo: request, statusCode: 200, toTag: "x")
        response.headers.add("Server", "waihu")
        try await server.send(response, fallback: inbound.source)
        guard case .response(let byeOK) = try await nextMessage(replies) else { return XCTFail("expected a response") }
        XCTAssertEqual(byeOK.cseq, CSeq(1, .bye))

        try await client.close()
        try await server.close()
    }

    private func nextMessage(_ inbox: Inbox<[UInt8]>) async throws -> SIPMessage {
        try SIPMessageParser.parse(try await inbox.next())
    }
}
