import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Wakes the live streams when events were stored by this server. Events stored by another
/// process (`waihu events import`, `waihu simulate day`) are found by the streams' one-second
/// check of the event tables, so either way a wallboard updates within two seconds.
public final class LiveHub: Sendable {
    private let subscribers = NIOLockedValueBox<[UUID: AsyncStream<Void>.Continuation]>([:])
    private let closed = NIOLockedValueBox(false)

    public init() {}

    /// A stream that yields once per change (changes in a burst may merge into one).
    public func updates() -> AsyncStream<Void> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        if closed.withLockedValue({ $0 }) {
            continuation.finish()
            return stream
        }
        subscribers.withLockedValue { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLockedValue { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// The server is stopping: every stream ends, so the open event-stream responses finish
    /// and the HTTP server can close its connections at once.
    public func close() {
        closed.withLockedValue { $0 = true }
        for continuation in subscribers.withLockedValue({ Array($0.values) }) { continuation.finish() }
    }

    /// Events were stored.
    public func changed() {
        for continuation in subscribers.withLockedValue({ Array($0.values) }) { continuation.yield() }
    }
}

extension Application {
    private struct LiveHubKey: StorageKey, LockKey {
        typealias Value = LiveHub
    }

    /// The application's live hub, made on first use.
    public var liveHub: LiveHub {
        if let hub = storage[LiveHubKey.self] { return hub }
        return locks.lock(for: LiveHubKey.self).withLock {
            if let hub = storage[LiveHubKey.self] { return hub }
            let hub = LiveHub()
            storage[LiveHubKey.self] = hub
            return hub
        }
    }
}
