import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Vapor

/// Bcrypt on threads of its own, with a bounded queue.
///
/// A bcrypt check costs a quarter of a second of CPU on purpose. At the start of a shift 300
/// agents log in within the same second. On Vapor's shared thread pool those 300 checks
/// queued in front of every SQLite query (SQLite runs on the same pool), so requests waited
/// more than the database pool's 10 s and failed with 500. Here the checks wait in their own
/// queue: logins are answered one after another in the time the CPU needs, and the rest of
/// the server keeps answering. Past `maxWaiting` checks in line, a login is refused with
/// 503 and `Retry-After` (the time the line needs to drain) rather than kept waiting.
public final class PasswordHashing: Sendable {
    private let pool: NIOThreadPool
    private let threads: Int
    public let maxWaiting: Int
    private let state = NIOLockedValueBox(State())

    private struct State {
        var inLine = 0
        /// Smoothed seconds one check takes, for the `Retry-After` estimate.
        var secondsPerCheck = 0.25
    }

    public init(threads: Int = System.coreCount, maxWaiting: Int = 1_000) {
        self.threads = max(1, threads)
        self.maxWaiting = maxWaiting
        pool = NIOThreadPool(numberOfThreads: self.threads)
        pool.start()
    }

    public func hash(_ password: String) async throws -> String {
        try await run { try Bcrypt.hash(password) }
    }

    public func verify(_ password: String, created hash: String) async throws -> Bool {
        try await run { try Bcrypt.verify(password, created: hash) }
    }

    public func shutdown() {
        try? pool.syncShutdownGracefully()
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = state.withLockedValue { state -> Result<Void, PasswordHashingBusy> in
            guard state.inLine < maxWaiting else {
                let drain = Double(state.inLine) * state.secondsPerCheck / Double(threads)
                return .failure(PasswordHashingBusy(retryAfter: max(1, Int(drain.rounded(.up)))))
            }
            state.inLine += 1
            return .success(())
        }
        try admitted.get()
        defer { state.withLockedValue { $0.inLine -= 1 } }
        return try await pool.runIfActive {
            let started = NIODeadline.now()
            let result = try work()
            let seconds = Double((NIODeadline.now() - started).nanoseconds) / 1e9
            self.state.withLockedValue { $0.secondsPerCheck = $0.secondsPerCheck * 0.9 + seconds * 0.1 }
            return result
        }
    }
}

/// Too many password checks in line: answered 503 with `Retry-After`.
public struct PasswordHashingBusy: AbortError, Sendable {
    public var retryAfter: Int
    public var status: HTTPResponseStatus { .serviceUnavailable }
    public var reason: String { "Too many logins at once; try again in \(retryAfter) s." }
    public var headers: HTTPHeaders { ["Retry-After": String(retryAfter)] }
}

extension Application {
    private struct PasswordHashingKey: StorageKey, LockKey {
        typealias Value = PasswordHashing
    }

    /// The application's password hashing threads, started on first use and stopped with it.
    public var passwordHashing: PasswordHashing {
        if let hashing = storage[PasswordHashingKey.self] { return hashing }
        return locks.lock(for: PasswordHashingKey.self).withLock {
            if let hashing = storage[PasswordHashingKey.self] { return hashing }
            let hashing = PasswordHashing(maxWaiting: waihuSettings.maxWaitingPasswordChecks)
            storage.set(PasswordHashingKey.self, to: hashing, onShutdown: { $0.shutdown() })
            return hashing
        }
    }
}
