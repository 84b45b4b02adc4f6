import NIOCore
import NIOPosix

/// The RTP stream of one call leg on its own UDP port: plays prompts paced in real
/// time (silence while nothing plays, so the carrier never sees a dead stream), sends
/// and receives RFC 4733 DTMF, and delivers 20 ms stereo frames for the recording.
/// RTCP is not sent; the odd port above is left free for it.
public final class RTPSession: Sendable {
    public let channel: Channel
    /// Digits, recording frames and the latch notice, in order.
    public let events: AsyncStream<RTPSessionEvent>
    private let handler: NIOLoopBound<RTPSessionHandler>

    private init(channel: Channel, events: AsyncStream<RTPSessionEvent>, handler: NIOLoopBound<RTPSessionHandler>) {
        self.channel = channel
        self.events = events
        self.handler = handler
    }

    /// Binds `host:port` for one leg. Use `RTPPortAllocator` to pick `port`.
    public static func bind(host: String, port: Int,
                            group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> RTPSession {
        let (stream, continuation) = AsyncStream<RTPSessionEvent>.makeStream(bufferingPolicy: .bufferingNewest(500))
        let channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(RTPSessionHandler(events: continuation))
                }
            }
            .bind(host: host, port: port)
            .get()
        let handler = try await channel.eventLoop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: RTPSessionHandler.self), eventLoop: channel.eventLoop)
        }.get()
        return RTPSession(channel: channel, events: stream, handler: handler)
    }

    public var localPort: Int? { channel.localAddress?.port }

    /// Starts the 20 ms clock. `remoteHost`/`remotePort` come from the SDP; `nil` waits
    /// for the peer's first packet (symmetric RTP). With `record`, `.recorded` events flow.
    /// Returns once the session runs, so packets arriving after it are decoded with `codec`.
    /// `mediaTimeout`: report `.mediaTimeout` when nothing arrives for that long.
    public func start(remoteHost: String?, remotePort: Int?, codec: AudioCodec,
                      telephoneEventPayloadType: UInt8?, record: Bool = true,
                      mediaTimeout: Duration? = .seconds(30), sending: Bool = true) async throws {
        var remote: SocketAddress?
        if let remoteHost, let remotePort { remote = try SocketAddress(ipAddress: remoteHost, port: remotePort) }
        let timeout = mediaTimeout.map { TimeAmount.nanoseconds($0.components.seconds * 1_000_000_000 + $0.components.attoseconds / 1_000_000_000) }
        let handler = self.handler
        try await channel.eventLoop.submit {
            handler.value.start(remote: remote, codec: codec, eventPayloadType: telephoneEventPayloadType, record: record,
                                mediaTimeout: timeout, sending: sending)
        }.get()
    }

    /// Analyses what the peer sends (tones, announcements, a live voice) with `analyser`
    /// until `stopAnalysis`; findings arrive as `.progress` events.
    public func analyse(with analyser: CallProgressAnalyser) {
        let handler = self.handler
        channel.eventLoop.execute { handler.value.analyse(with: analyser) }
    }

    public func stopAnalysis() {
        let handler = self.handler
        channel.eventLoop.execute { handler.value.stopAnalysis() }
    }

    /// The audio the analysis heard (at most 10 s), for teaching an unknown announcement.
    public func heardAudio() async -> [Int16] {
        let handler = self.handler
        return (try? await channel.eventLoop.submit { handler.value.heardAudio }.get()) ?? []
    }

    /// Plays a prompt from its start; returns when it ended or was stopped.
    public func play(_ prompt: WAVFile) async -> PlaybackOutcome {
        let handler = self.handler
        let loop = channel.eventLoop
        return await withCheckedContinuation { continuation in
            loop.execute { handler.value.play(prompt, done: continuation) }
        }
    }

    public func stopPlayback() {
        let handler = self.handler
        channel.eventLoop.execute { handler.value.stopPlayback() }
    }

    /// Queues digits to send as RFC 4733 events, 100 ms each.
    public func send(digits: String) {
        let handler = self.handler
        channel.eventLoop.execute { handler.value.send(digits: digits) }
    }

    /// Relays audio and DTMF both ways between this leg and `other` (customer ↔ agent),
    /// transcoding when their codecs differ. Both sessions must run on one event loop
    /// (bind them with the same `group`), so the relay needs no locks or hops.
    public func bridge(with other: RTPSession) async throws {
        guard channel.eventLoop === other.channel.eventLoop else { throw RTPBridgeError.differentEventLoops }
        let mine = self.handler
        let theirs = other.handler
        try await channel.eventLoop.submit { mine.value.bridge(with: theirs.value) }.get()
    }

    /// Ends a bridge; both legs go back to silence or prompts.
    public func unbridge() {
        let handler = self.handler
        channel.eventLoop.execute { handler.value.unbridge() }
    }

    /// Packets sent, received, lost and late so far.
    public func statistics() async throws -> RTPSessionStatistics {
        let handler = self.handler
        return try await channel.eventLoop.submit { handler.value.statistics }.get()
    }

    /// Stops the clock, ends any playback and the event stream, and frees the port.
    public func close() async throws {
        let handler = self.handler
        try await channel.eventLoop.submit { handler.value.stop() }.get()
        try await channel.close()
    }
}
