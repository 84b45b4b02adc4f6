import Foundation

/// The one place where outbound calls wait for their trunk: every call the engine places with
/// a `CallAdmission` (campaign calls of every mode, test calls) starts only when each of its
/// pools allows it, so a trunk's `max_concurrent` and `max_cps` hold across all the campaigns
/// and test calls that use it, and a campaign's own limits only lower its share.
///
/// Owned by the `TelephonyEngine`, so it counts every call of this process (a second server
/// counts its own calls against the same trunk separately).
public actor TrunkAdmission {
    /// A call's admission, handed back with `release` when the call has ended.
    public struct Ticket: Sendable, Hashable {
        let id: UInt64
    }

    private var windows: [String: CallLimitWindow] = [:]
    private var open: [UInt64: [String]] = [:]
    private var lastID: UInt64 = 0
    private var waiting: [UInt64: CheckedContinuation<Void, Never>] = [:]
    private let clock = ContinuousClock()
    private let origin = ContinuousClock.now

    public init() {}

    /// Waits until every pool of `admission` has room for another call, takes a place in each
    /// and returns the call's ticket. Throws `CancellationError` when the waiting task is cancelled.
    public func admit(_ admission: CallAdmission) async throws -> Ticket {
        while true {
            try Task.checkCancellation()
            var full = false
            for pool in admission.pools {
                var window = windows[pool.name] ?? CallLimitWindow(limit: pool.limit)
                window.limit = pool.limit  // a trunk edited meanwhile: the newest limits hold
                windows[pool.name] = window
                if !window.hasRoom { full = true }
            }
            if !full {
                for pool in admission.pools { windows[pool.name]?.reserve() }
                lastID += 1
                open[lastID] = admission.pools.map(\.name)
                return Ticket(id: lastID)
            }
            await waitForACallToEnd()
        }
    }

    /// Waits until every pool of the ticket's call may start one more call by its rate, and
    /// counts the start. The engine calls it right before the INVITE leaves. Starts are kept
    /// `wireMargin` further apart than the rate needs, for the moments between this decision
    /// and the INVITE on the wire, so the carrier never sees one call too many in a second.
    public func pace(_ ticket: Ticket) async throws {
        guard let pools = open[ticket.id] else { return }
        while true {
            let now = seconds()
            let due = pools.compactMap { windows[$0]?.nextStart(at: now - Self.wireMargin) }.max()
            guard let due else { break }
            try await clock.sleep(until: origin + .nanoseconds(Int64((due + Self.wireMargin) * 1e9)))
        }
        let now = seconds()
        for pool in pools { windows[pool]?.start(at: now) }
    }

    /// How much further apart than the rate needs two starts are kept.
    static let wireMargin = 0.02

    /// The call of `ticket` has ended (or was never placed). A second release is ignored.
    public func release(_ ticket: Ticket) {
        guard let pools = open.removeValue(forKey: ticket.id) else { return }
        for pool in pools { windows[pool]?.end() }
        let waiters = waiting
        waiting = [:]
        for waiter in waiters.values { waiter.resume() }
    }

    /// Calls up in the pool now (for tests and metrics).
    public func callsUp(in pool: String) -> Int {
        windows[pool]?.callsUp ?? 0
    }

    private func waitForACallToEnd() async {
        lastID += 1
        let id = lastID
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled { continuation.resume() } else { waiting[id] = continuation }
            }
        } onCancel: {
            Task { await self.stopWaiting(id) }
        }
    }

    private func stopWaiting(_ id: UInt64) {
        waiting.removeValue(forKey: id)?.resume()
    }

    private func seconds() -> Double {
        let elapsed = origin.duration(to: clock.now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
