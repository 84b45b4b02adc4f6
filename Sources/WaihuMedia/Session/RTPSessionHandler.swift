import NIOCore

/// The event-loop side of an `RTPSession`: sends one packet every 20 ms against an
/// absolute clock (so pacing does not drift), receives audio and DTMF, and feeds the
/// recording. All state is confined to the channel's event loop.
final class RTPSessionHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    static let frameInterval = TimeAmount.milliseconds(20)

    private let events: AsyncStream<RTPSessionEvent>.Continuation
    private var context: ChannelHandlerContext?
    private var remote: SocketAddress?
    private var latched = false
    private var codec: AudioCodec = .pcmu
    private var eventPayloadType: UInt8?
    private var sender = RTPSender()
    private var player: PromptPlayer?
    private var playbackDone: CheckedContinuation<PlaybackOutcome, Never>?
    private var pendingDigits: [Character] = []
    private var currentDigit: (events: [DTMFEvent], index: Int, timestamp: UInt32)?
    private var jitter = JitterBuffer(depth: 3)
    private var dtmfReceiver = DTMFReceiver()
    private var recording = false
    /// Recording audio not yet handed out; sent in batches because one event per 20 ms
    /// per call is a task hop per packet, which hundreds of calls feel.
    private var recordLeft: [Int16] = []
    private var recordRight: [Int16] = []
    static let recordBatchSamples = 1600
    /// The loop's shared 20 ms clock, while this session runs.
    private var ticker: RTPTicker?
    private var mediaTimeout: TimeAmount?
    private var lastActivity: NIODeadline = .now()
    private var timeoutReported = false
    private(set) var packetsSent = 0
    private var packetsReceived = 0
    private var packetsLost = 0
    private var receivedSamples: [Int16] = []
    private var lastPacketSamples = PromptPlayer.samplesPerFrame
    /// The other leg of a bridge, on the same event loop: what we hear is what it sends.
    private var bridgePeer: RTPSessionHandler?
    /// Frames the bridge peer received and we are to send, oldest first.
    private var bridgeFeed: [[Int16]] = []
    /// More than this many queued frames means the two clocks drifted: drop the oldest
    /// rather than let the mouth-to-ear delay grow.
    static let bridgeFeedLimit = 4

    /// Sending waits for the answer: before it the carrier only plays to us (early media).
    private var sending = true
    /// Listens to what the peer sends for tones and announcements, while a call's fate is open.
    private var analyser: CallProgressAnalyser?
    /// What the analyser heard, for teaching an announcement nobody taught yet.
    private(set) var heardAudio: [Int16] = []
    /// 10 s at 8 kHz: more than any announcement needs to be recognised from.
    static let heardAudioLimit = 80_000

    init(events: AsyncStream<RTPSessionEvent>.Continuation) {
        self.events = events
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
        self.context = nil
    }

    // MARK: Commands (called on the event loop)

    func start(remote: SocketAddress?, codec: AudioCodec, eventPayloadType: UInt8?, record: Bool, mediaTimeout: TimeAmount?,
               sending: Bool = true) {
        self.mediaTimeout = mediaTimeout
        self.sending = sending
        lastActivity = .now()
        // A packet that arrived before the answer was processed has latched the peer's
        // real source already; it beats the SDP (that is the point of symmetric RTP).
        if let remote, !latched { self.remote = remote }
        self.codec = codec
        self.eventPayloadType = eventPayloadType
        self.recording = record
        guard ticker == nil, let context else { return }
        let ticker = RTPTicker.shared(on: context.eventLoop)
        self.ticker = ticker
        ticker.add(self)
    }

    /// Starts (or restarts, for the audio after the answer) the call-progress analysis.
    func analyse(with analyser: CallProgressAnalyser) {
        self.analyser = analyser
    }

    func stopAnalysis() {
        analyser = nil
    }

    func play(_ prompt: WAVFile, done: CheckedContinuation<PlaybackOutcome, Never>) {
        finishPlayback(completed: false)
        player = PromptPlayer(prompt: prompt, codec: codec)
        playbackDone = done
    }

    func stopPlayback() {
        finishPlayback(completed: false)
    }

    func send(digits: String) {
        pendingDigits += digits.filter { DTMFEvent.code(for: $0) != nil }
    }

    /// Relays audio both ways with `peer` (decoded to linear and re-encoded with each
    /// side's codec, so PCMU meets PCMA) and passes received DTMF on as RFC 4733.
    func bridge(with peer: RTPSessionHandler) {
        bridgePeer = peer
        peer.bridgePeer = self
        bridgeFeed.removeAll()
        peer.bridgeFeed.removeAll()
    }

    func unbridge() {
        if let peer = bridgePeer, peer.bridgePeer === self { peer.bridgePeer = nil }
        bridgePeer = nil
        bridgeFeed.removeAll()
    }

    /// A frame the bridge peer heard, to be sent on our next tick.
    func feed(_ frame: [Int16]) {
        bridgeFeed.append(frame)
        if bridgeFeed.count > Self.bridgeFeedLimit { bridgeFeed.removeFirst(bridgeFeed.count - Self.bridgeFeedLimit) }
    }

    var statistics: RTPSessionStatistics {
        RTPSessionStatistics(packetsSent: packetsSent, packetsReceived: packetsReceived, packetsLost: packetsLost,
                             packetsLate: jitter.droppedLate)
    }

    private func flushRecording() {
        guard !recordLeft.isEmpty || !recordRight.isEmpty else { return }
        events.yield(.recorded(left: recordLeft, right: recordRight))
        recordLeft.removeAll(keepingCapacity: true)
        recordRight.removeAll(keepingCapacity: true)
    }

    func stop() {
        flushRecording()
        unbridge()
        ticker?.remove(self)
        ticker = nil
        finishPlayback(completed: false)
        events.finish()
    }

    // MARK: Receiving

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        var buffer = envelope.data
        guard let bytes = buffer.readBytes(length: buffer.readableBytes),
              let packet = try? RTPPacket(parsing: bytes) else { return }
        // Symmetric RTP (RFC 4961): answer where the peer's packets come from, which
        // is what gets through NAT. Only the first source is trusted.
        if !latched {
            latched = true
            remote = envelope.remoteAddress
            if let ip = envelope.remoteAddress.ipAddress, let port = envelope.remoteAddress.port {
                events.yield(.remoteLatched(host: ip, port: port))
            }
        } else if !Self.sameEndpoint(envelope.remoteAddress, remote) {
            return
        }
        lastActivity = .now()
        packetsReceived += 1
        if let eventPayloadType, packet.payloadType == eventPayloadType {
            if let digit = dtmfReceiver.receive(packet) {
                events.yield(.digit(digit))
                bridgePeer?.send(digits: String(digit))
            }
        } else if packet.payloadType == codec.payloadType {
            jitter.insert(packet)
        }
    }

    /// Address and port only: `SocketAddress` equality also compares the host name it
    /// was made with, which differs between one parsed from SDP and one from recvmsg.
    static func sameEndpoint(_ a: SocketAddress, _ b: SocketAddress?) -> Bool {
        guard let b else { return false }
        return a.ipAddress == b.ipAddress && a.port == b.port
    }

    // MARK: Pacing

    /// One 20 ms step, driven by the loop's `RTPTicker`.
    func tick() {
        guard let context else { return }
        let sent = sending ? sendOnePacket(context: context) : [Int16](repeating: 0, count: PromptPlayer.samplesPerFrame)
        let received = nextReceivedFrame()
        if analyser != nil { analyseFrame(received) }
        bridgePeer?.feed(received)
        if recording {
            recordLeft += received
            recordRight += sent
            if recordLeft.count >= Self.recordBatchSamples { flushRecording() }
        }
        if let mediaTimeout, !timeoutReported, NIODeadline.now() - lastActivity > mediaTimeout {
            timeoutReported = true
            events.yield(.mediaTimeout)
        }
    }

    private func analyseFrame(_ frame: [Int16]) {
        if heardAudio.count < Self.heardAudioLimit { heardAudio += frame }
        if let detection = analyser?.analyse(frame) {
            events.yield(.progress(detection))
        }
    }

    /// This tick's 20 ms of what the peer sent. Peers may packetise at 10, 30 or 60 ms,
    /// so packets are decoded into a sample queue and exactly one frame is taken per
    /// tick; the recording and the bridge then keep wall-clock time.
    private func nextReceivedFrame() -> [Int16] {
        let frame = PromptPlayer.samplesPerFrame
        while receivedSamples.count < frame, let output = jitter.pop() {
            switch output {
            case .packet(let packet):
                let samples = codec.decode(packet.payload)
                lastPacketSamples = max(1, samples.count)
                receivedSamples += samples
            case .lost:
                packetsLost += 1
                receivedSamples += [Int16](repeating: 0, count: lastPacketSamples)
            }
        }
        guard receivedSamples.count >= frame else {
            // Nothing (or not enough) arrived in time: what there is, then silence.
            let partial = receivedSamples + [Int16](repeating: 0, count: frame - receivedSamples.count)
            receivedSamples.removeAll(keepingCapacity: true)
            return partial
        }
        let result = Array(receivedSamples.prefix(frame))
        receivedSamples.removeFirst(frame)
        return result
    }

    /// Sends this tick's packet and returns the audio it carried (for the recording).
    private func sendOnePacket(context: ChannelHandlerContext) -> [Int16] {
        let silence = [Int16](repeating: 0, count: PromptPlayer.samplesPerFrame)
        if currentDigit == nil, eventPayloadType != nil, !pendingDigits.isEmpty {
            let digit = pendingDigits.removeFirst()
            if let sequence = DTMFEvent.sendingSequence(digit: digit) {
                currentDigit = (sequence, 0, sender.nextTimestamp)
            }
        }
        if let digit = currentDigit, let eventPayloadType {
            let event = digit.events[digit.index]
            let packet = sender.packet(payloadType: eventPayloadType, payload: event.payload,
                                       timestamp: digit.timestamp, marker: digit.index == 0)
            write(packet, context: context)
            // The media clock keeps running while the event plays.
            sender.advance(samples: UInt32(PromptPlayer.samplesPerFrame))
            currentDigit = digit.index + 1 < digit.events.count ? (digit.events, digit.index + 1, digit.timestamp) : nil
            return silence
        }
        var frame = codec.silenceFrame
        if bridgePeer != nil {
            // Bridged: send what the other leg heard; a prompt would talk over the agent.
            if !bridgeFeed.isEmpty { frame = codec.encode(bridgeFeed.removeFirst()) }
        } else if player != nil {
            if let next = player?.nextFrame() {
                frame = next
            } else {
                finishPlayback(completed: true)
            }
        }
        write(sender.audioPacket(payloadType: codec.payloadType, payload: frame), context: context)
        return codec.decode(frame)
    }

    private func write(_ packet: RTPPacket, context: ChannelHandlerContext) {
        guard let remote else { return }
        let buffer = context.channel.allocator.buffer(bytes: packet.serialized())
        context.writeAndFlush(wrapOutboundOut(AddressedEnvelope(remoteAddress: remote, data: buffer)), promise: nil)
        packetsSent += 1
    }

    private func finishPlayback(completed: Bool) {
        guard let done = playbackDone else {
            player = nil
            return
        }
        let played = player?.played ?? .zero
        playbackDone = nil
        player = nil
        done.resume(returning: PlaybackOutcome(played: played, completed: completed))
    }
}
