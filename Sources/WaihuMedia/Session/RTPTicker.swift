import Foundation
import NIOCore

/// One 20 ms clock per event loop for all the RTP sessions on it. A timer per session
/// costs a heap insertion and often a wake-up per packet; with hundreds of calls that
/// dominated the CPU. Sessions join when they start and leave when they stop; the
/// clock runs only while someone is on it, on an absolute grid (no drift), and after a
/// stall of more than 100 ms restarts the grid instead of bursting to catch up.
final class RTPTicker {
    private let loop: EventLoop
    private var members: [ObjectIdentifier: RTPSessionHandler] = [:]
    private var scheduled: Scheduled<Void>?
    private var nextTick: NIODeadline = .now()

    private init(loop: EventLoop) {
        self.loop = loop
    }

    /// The ticker of `loop`; call it on that loop.
    static func shared(on loop: EventLoop) -> RTPTicker {
        registry.ticker(for: loop)
    }

    var count: Int { members.count }

    func add(_ handler: RTPSessionHandler) {
        loop.preconditionInEventLoop()
        members[ObjectIdentifier(handler)] = handler
        guard scheduled == nil else { return }
        nextTick = .now() + RTPSessionHandler.frameInterval
        schedule()
    }

    func remove(_ handler: RTPSessionHandler) {
        members[ObjectIdentifier(handler)] = nil
        if members.isEmpty {
            scheduled?.cancel()
            scheduled = nil
        }
    }

    private func schedule() {
        scheduled = loop.scheduleTask(deadline: nextTick) { [self] in
            self.fire()
        }
    }

    private func fire() {
        for handler in Array(members.values) { handler.tick() }
        guard !members.isEmpty else {
            scheduled = nil
            return
        }
        nextTick = nextTick + RTPSessionHandler.frameInterval
        let now = NIODeadline.now()
        if nextTick < now - .milliseconds(100) { nextTick = now }
        schedule()
    }

    /// Tickers by event loop. Loops live as long as their group, so this stays small.
    private static let registry = Registry()

    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var tickers: [ObjectIdentifier: RTPTicker] = [:]

        func ticker(for loop: EventLoop) -> RTPTicker {
            lock.withLock {
                let key = ObjectIdentifier(loop)
                if let ticker = tickers[key] { return ticker }
                let ticker = RTPTicker(loop: loop)
                tickers[key] = ticker
                return ticker
            }
        }
    }
}
