import Logging
import NIOCore
import NIOPosix

/// The I/O shell around `SIPTransactionTable`: a UDP transport whose messages go through
/// the table, with the table's timers run on the transport's event loop. The transaction
/// user (a call leg, the registrar service) sees only `SIPTransactionTable.Event`s that
/// concern it: responses, new requests, dialog messages, CANCEL, timeouts.
public final class SIPTransactionLayer: Sendable {
    public let transport: SIPUDPTransport
    private let core: NIOLoopBoundBox<Core?>

    private init(transport: SIPUDPTransport, core: NIOLoopBoundBox<Core?>) {
        self.transport = transport
        self.core = core
    }

    /// Binds UDP `host:port` and starts the layer. `onEvent` runs on the event loop.
    public static func bind(host: String, port: Int, timers: SIPTimerConfiguration = .udp,
                            group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                            logger: Logger = Logger(label: "waihu.sip.transactions"),
                            onEvent: @escaping @Sendable (SIPTransactionTable.Event) -> Void) async throws -> SIPTransactionLayer {
        let loop = group.next()
        let box = NIOLoopBoundBox.makeEmptyBox(valueType: Core.self, eventLoop: loop)
        let transport = try await SIPUDPTransport.bind(host: host, port: port, group: loop, logger: logger) { inbound in
            box.value?.receive(inbound)
        }
        try await loop.submit {
            box.value = Core(table: SIPTransactionTable(timers: timers), channel: transport.channel, loop: loop,
                             box: box, onEvent: onEvent)
        }.get()
        return SIPTransactionLayer(transport: transport, core: box)
    }

    public var localEndpoint: SIPEndpoint? { transport.localEndpoint }

    /// Starts a client transaction (or sends an ACK for a 2xx as is).
    public func send(_ request: SIPRequest, to destination: SIPEndpoint) {
        let core = self.core
        core.eventLoop.execute { core.value?.send(request, to: destination) }
    }

    /// Answers the server transaction `key` that a `.request` event named.
    public func respond(_ response: SIPResponse, to key: SIPTransactionKey) {
        let core = self.core
        core.eventLoop.execute { core.value?.respond(response, to: key) }
    }

    /// Sends a message outside any transaction (2xx retransmissions, ACK for 2xx).
    public func sendStateless(_ message: SIPMessage, to destination: SIPEndpoint) {
        transport.channel.writeAndFlush(SIPOutbound(message: message, destination: destination), promise: nil)
    }

    /// Drops a client transaction that will never finish (an INVITE whose CANCEL got no
    /// 487), with its timers.
    public func abandon(_ key: SIPTransactionKey) {
        let core = self.core
        core.eventLoop.execute { core.value?.abandon(key) }
    }

    /// How many transactions are live, for leak checks and metrics.
    public func transactionCount() async throws -> Int {
        let core = self.core
        return try await core.eventLoop.submit { core.value?.transactionCount ?? 0 }.get()
    }

    /// The SIP event loop, where `onEvent` runs.
    public var eventLoop: EventLoop { core.eventLoop }

    public func close() async throws {
        let core = self.core
        try await core.eventLoop.submit { core.value?.cancelAllTimers(); core.value = nil }.get()
        try await transport.close()
    }

    /// Loop-confined state: the table and the scheduled timers.
    final class Core {
        struct TimerID: Hashable {
            var key: SIPTransactionKey
            var timer: SIPTimer
        }

        private var table: SIPTransactionTable
        private var scheduled: [TimerID: Scheduled<Void>] = [:]
        private let channel: Channel
        private let loop: EventLoop
        private let box: NIOLoopBoundBox<Core?>
        private let onEvent: @Sendable (SIPTransactionTable.Event) -> Void

        init(table: SIPTransactionTable, channel: Channel, loop: EventLoop, box: NIOLoopBoundBox<Core?>,
             onEvent: @escaping @Sendable (SIPTransactionTable.Event) -> Void) {
            self.table = table
            self.channel = channel
            self.loop = loop
            self.box = box
            self.onEvent = onEvent
        }

        func receive(_ inbound: SIPInbound) { perform(table.receive(inbound)) }
        func send(_ request: SIPRequest, to destination: SIPEndpoint) { perform(table.send(request, to: destination)) }
        func respond(_ response: SIPResponse, to key: SIPTransactionKey) { perform(table.respond(response, to: key)) }

        var transactionCount: Int { table.count }

        func abandon(_ key: SIPTransactionKey) {
            table.abandon(key)
            for id in scheduled.keys where id.key == key { scheduled.removeValue(forKey: id)?.cancel() }
        }

        func cancelAllTimers() {
            for task in scheduled.values { task.cancel() }
            scheduled.removeAll()
        }

        private func perform(_ events: [SIPTransactionTable.Event]) {
            for event in events {
                switch event {
                case .send(let outbound):
                    channel.writeAndFlush(outbound, promise: nil)
                case .startTimer(let key, let timer, let duration):
                    let id = TimerID(key: key, timer: timer)
                    scheduled[id]?.cancel()
                    let box = self.box
                    scheduled[id] = loop.scheduleTask(in: .nanoseconds(Self.nanoseconds(duration))) {
                        box.value?.fire(id)
                    }
                case .cancelTimer(let key, let timer):
                    scheduled.removeValue(forKey: TimerID(key: key, timer: timer))?.cancel()
                default:
                    onEvent(event)
                }
            }
        }

        private func fire(_ id: TimerID) {
            scheduled[id] = nil
            perform(table.timerFired(id.timer, for: id.key))
        }

        static func nanoseconds(_ duration: Duration) -> Int64 {
            let (seconds, attoseconds) = duration.components
            return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        }
    }
}
