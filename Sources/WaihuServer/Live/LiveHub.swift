import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Wakes the live streams when events were stored. A store by this server calls `changed()`;
/// events stored by another process (`waihu events import`, `waihu simulate day`, another
/// node) are found by one look at the event tables a second, made once for every stream of
/// the server rather than by each stream. Either way a wallboard updates within a second or two.
public final class LiveHub: Sendable {
    private struct State {
        var subscribers: [UUID: AsyncStream<Void>.Continuation] = [:]
        var closed = false
        /// Counts changes: figures computed at one generation are good until the next.
        var generation = 0
        var watcher: Task<Void, Never>?
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// Which change the figures are at (`LiveFiguresCache` keys on it).
    public var generation: Int { state.withLockedValue { $0.generation } }

    /// A stream that yields once per change (changes in a burst may merge into one).
    public func updates() -> AsyncStream<Void> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let closed = state.withLockedValue { state -> Bool in
            if !state.closed { state.subscribers[id] = continuation }
            return state.closed
        }
        if closed {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLockedValue { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Starts, once, the look at the event tables every second for writers in other
    /// processes; `version` is a text that changes whenever an event is stored.
    public func watchOtherWriters(_ version: @escaping @Sendable () async throws -> String) {
        state.withLockedValue { state in
            guard state.watcher == nil, !state.closed else { return }
            state.watcher = Task { [weak self] in
                var last = (try? await version()) ?? ""
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    guard let now = try? await version() else { continue }
                    if now != last {
                        last = now
                        self?.changed()
                    }
                }
            }
        }
    }

    /// The server is stopping: every stream ends, so the open event-stream responses finish
    /// and the HTTP server can close its connections at once.
    public func close() {
        let (subscribers, watcher) = state.withLockedValue { state in
            state.closed = true
            return (Array(state.subscribers.values), state.watcher)
        }
        watcher?.cancel()
        for continuation in subscribers { continuation.finish() }
    }

    /// Events were stored (or a campaign changed).
    public func changed() {
        let subscribers = state.withLockedValue { state in
            state.generation += 1
            return Array(state.subscribers.values)
        }
        for continuation in subscribers { continuation.yield() }
    }
}

extension Application {
    private struct LiveHubKey: StorageKey, LockKey {
        typealias Value = LiveHub
    }

    /// The application's live hub, made on first use and closed when the application shuts
    /// down (its streams end, its look at the event tables stops).
    public var liveHub: LiveHub {
        if let hub = storage[LiveHubKey.self] { return hub }
        return locks.lock(for: LiveHubKey.self).withLock {
            if let hub = storage[LiveHubKey.self] { return hub }
            let hub = LiveHub()
            storage.set(LiveHubKey.self, to: hub, onShutdown: { $0.close() })
            return hub
        }
    }
}
