import Foundation
import NIOCore
import NIOPosix

/// A minimal SIP caller on 127.0.0.1 that checks the test peers themselves, apart from
/// waihu's engine: it sends one INVITE offering PCMA, PCMU and telephone-event, keeps every
/// response and every RTP packet with its arrival time, ACKs the final response, and can
/// CANCEL or hang up. It proves, for example, that early media really arrives between a 183
/// and the final response, at 20 ms, with the payload the scenario sent.
public final class SIPProbeCaller: @unchecked Sendable {
    public struct Received: Sendable {
        /// Milliseconds after the INVITE was sent.
        public let ms: Double
        public let bytes: [UInt8]
        public var text: String { String(decoding: bytes, as: UTF8.self) }
        /// A response's status code, nil for a request.
        public var status: Int? {
            guard text.hasPrefix("SIP/2.0 ") else { return nil }
            return Int(text.dropFirst(8).prefix(3))
        }
        /// An RTP packet's payload type and payload.
        public var payloadType: Int { Int(bytes[1] & 0x7F) }
        public var sequence: Int { Int(bytes[2]) << 8 | Int(bytes[3]) }
        public var payload: ArraySlice<UInt8> { bytes.dropFirst(12) }
        var isAboutInvite: Bool { Dialog.header("CSeq", in: text).hasSuffix(" INVITE") }
    }

    public struct Result: Sendable {
        public let sip: [Received]
        public let rtp: [Received]
        public var responses: [Received] { sip.filter { $0.status != nil } }
        public var finalResponse: Received? { responses.first { ($0.status ?? 0) >= 200 && $0.isAboutInvite } }
        /// RTP that arrived before the final response (early media).
        public var earlyRTP: [Received] { rtp.filter { $0.ms < finalResponse?.ms ?? .infinity } }
        public var byeFromPeer: Bool { sip.contains { $0.text.hasPrefix("BYE ") } }
    }

    /// Calls `13800138000` at 127.0.0.1:`port`. `cancelAfterMS`: CANCEL if no final response
    /// came by then; `hangUpAfterMS`: BYE that long after an answer, unless the peer did first.
    public static func call(port: Int, cancelAfterMS: Int? = nil, hangUpAfterMS: Int? = nil,
                            timeout: Double = 30) async throws -> Result {
        let sip = try await Socket.bind()
        let rtp = try await Socket.bind()
        do {
            let result = try await exchange(sip: sip, rtp: rtp, port: port, cancelAfterMS: cancelAfterMS,
                                            hangUpAfterMS: hangUpAfterMS, timeout: timeout)
            await sip.close()
            await rtp.close()
            return result
        } catch {
            await sip.close()
            await rtp.close()
            throw error
        }
    }

    private static func exchange(sip: Socket, rtp: Socket, port: Int, cancelAfterMS: Int?, hangUpAfterMS: Int?,
                                 timeout: Double) async throws -> Result {
        let start = Date()
        let tag = UUID().uuidString.prefix(8)
        let dialog = Dialog(local: sip.port, remote: port, callID: "probe-\(tag)@127.0.0.1", fromTag: "p\(tag)",
                            branch: "z9hG4bK-probe-\(tag)")
        try await sip.send(dialog.invite(rtpPort: rtp.port), to: port)

        var handled = 0
        var final: Received?
        var cancelled = false
        var answeredAt: Date?
        var done = false
        let deadline = start.addingTimeInterval(timeout)
        while !done && Date() < deadline {
            let messages = sip.received(since: start)
            for message in messages.dropFirst(handled) {
                handled += 1
                let text = message.text
                if let status = message.status {
                    guard status >= 200, message.isAboutInvite, final == nil else { continue }
                    final = message
                    if status < 300 {
                        answeredAt = Date()
                        try await sip.send(dialog.ackForAnswer(text), to: port)
                    } else {
                        try await sip.send(dialog.ackForRejection(text), to: port)
                        try await Task.sleep(nanoseconds: 300_000_000)  // a retransmitted final response gets its ACK too
                        done = true
                    }
                } else if text.hasPrefix("BYE ") {
                    try await sip.send(Dialog.ok(to: text), to: port)
                    done = true
                }
            }
            let elapsed = Date().timeIntervalSince(start) * 1000
            if let cancelAfterMS, final == nil, !cancelled, elapsed >= Double(cancelAfterMS) {
                try await sip.send(dialog.cancel(), to: port)
                cancelled = true
            }
            if let answeredAt, let hangUpAfterMS, !done, Date().timeIntervalSince(answeredAt) * 1000 >= Double(hangUpAfterMS),
               let final {
                try await sip.send(dialog.bye(final.text), to: port)
                try await Task.sleep(nanoseconds: 500_000_000)
                done = true
            }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        return Result(sip: sip.received(since: start), rtp: rtp.received(since: start))
    }

    /// The probe's side of the dialog: the messages it sends.
    struct Dialog {
        let local: Int
        let remote: Int
        let callID: String
        let fromTag: String
        let branch: String

        var from: String { "From: <sip:10086@127.0.0.1:\(local)>;tag=\(fromTag)" }
        var requestURI: String { "sip:13800138000@127.0.0.1:\(remote)" }

        func message(_ start: String, via branch: String, to: String, cseq: String, extra: [String] = [], body: String = "") -> [UInt8] {
            var lines = [start, "Via: SIP/2.0/UDP 127.0.0.1:\(local);branch=\(branch)", "Max-Forwards: 70", from, to,
                         "Call-ID: \(callID)", "CSeq: \(cseq)", "Contact: <sip:10086@127.0.0.1:\(local)>"] + extra
            lines.append("Content-Length: \(body.utf8.count)")
            return Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
        }

        func invite(rtpPort: Int) -> [UInt8] {
            let sdp = ["v=0", "o=probe 1 1 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0",
                       "m=audio \(rtpPort) RTP/AVP 8 0 101", "a=rtpmap:8 PCMA/8000", "a=rtpmap:0 PCMU/8000",
                       "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15", "a=ptime:20", "a=sendrecv", ""]
            return message("INVITE \(requestURI) SIP/2.0", via: branch, to: "To: <\(requestURI)>", cseq: "1 INVITE",
                           extra: ["Content-Type: application/sdp"], body: sdp.joined(separator: "\r\n"))
        }

        func cancel() -> [UInt8] {
            message("CANCEL \(requestURI) SIP/2.0", via: branch, to: "To: <\(requestURI)>", cseq: "1 CANCEL")
        }

        /// ACK to a non-2xx final response: same transaction, the response's To tag.
        func ackForRejection(_ response: String) -> [UInt8] {
            message("ACK \(requestURI) SIP/2.0", via: branch, to: Self.header("To", in: response), cseq: "1 ACK")
        }

        /// ACK to a 2xx: a new transaction to the peer's Contact.
        func ackForAnswer(_ response: String) -> [UInt8] {
            message("ACK \(Self.contact(in: response) ?? requestURI) SIP/2.0", via: branch + "-ack",
                    to: Self.header("To", in: response), cseq: "1 ACK")
        }

        func bye(_ answer: String) -> [UInt8] {
            message("BYE \(Self.contact(in: answer) ?? requestURI) SIP/2.0", via: branch + "-bye",
                    to: Self.header("To", in: answer), cseq: "2 BYE")
        }

        /// 200 OK to a request from the peer (its BYE).
        static func ok(to request: String) -> [UInt8] {
            let headers = ["Via", "From", "To", "Call-ID", "CSeq"].map { header($0, in: request) }
            return Array((["SIP/2.0 200 OK"] + headers + ["Content-Length: 0"]).joined(separator: "\r\n").appending("\r\n\r\n").utf8)
        }

        /// The whole `name:` line (first one), e.g. `To: <sip:…>;tag=…`.
        static func header(_ name: String, in message: String) -> String {
            let line = message.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
            return line?.trimmingCharacters(in: .whitespaces) ?? "\(name): "
        }

        static func contact(in message: String) -> String? {
            let value = header("Contact", in: message)
            guard let open = value.firstIndex(of: "<"), let close = value.firstIndex(of: ">"), open < close else { return nil }
            return String(value[value.index(after: open)..<close])
        }
    }

    /// A UDP socket on 127.0.0.1 that keeps every datagram with its arrival time.
    final class Socket: @unchecked Sendable {
        let channel: Channel
        let store: Store

        private init(channel: Channel, store: Store) {
            self.channel = channel
            self.store = store
        }

        static func bind() async throws -> Socket {
            let store = Store()
            let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(store)) }
                }
                .bind(host: "127.0.0.1", port: 0).get()
            return Socket(channel: channel, store: store)
        }

        var port: Int { channel.localAddress?.port ?? 0 }

        func send(_ bytes: [UInt8], to port: Int) async throws {
            let address = try SocketAddress(ipAddress: "127.0.0.1", port: port)
            try await channel.writeAndFlush(AddressedEnvelope(remoteAddress: address, data: channel.allocator.buffer(bytes: bytes)))
        }

        func received(since start: Date) -> [Received] {
            store.all.map { Received(ms: $0.at.timeIntervalSince(start) * 1000, bytes: $0.bytes) }
        }

        func close() async { try? await channel.close() }

        final class Store: @unchecked Sendable {
            private let lock = NSLock()
            private var items: [(at: Date, bytes: [UInt8])] = []
            func append(_ bytes: [UInt8]) { lock.withLock { items.append((Date(), bytes)) } }
            var all: [(at: Date, bytes: [UInt8])] { lock.withLock { items } }
        }

        final class Collector: ChannelInboundHandler {
            typealias InboundIn = AddressedEnvelope<ByteBuffer>
            let store: Store
            init(_ store: Store) { self.store = store }
            func channelRead(context: ChannelHandlerContext, data: NIOAny) {
                var buffer = unwrapInboundIn(data).data
                store.append(buffer.readBytes(length: buffer.readableBytes) ?? [])
            }
        }
    }
}
