import Foundation

/// Slows down password guessing against phone accounts (防暴力注册): after
/// `maximumFailures` failed digest answers from one source host within `window`, every
/// REGISTER from that host is refused 403 for `blockDuration`, right or wrong password.
/// Keyed by host, not host and port, because a scanner changes ports freely.
public struct RegistrationThrottle: Sendable {
    public var maximumFailures: Int
    public var window: TimeInterval
    public var blockDuration: TimeInterval
    private var failures: [String: [Date]] = [:]
    private var blockedUntil: [String: Date] = [:]

    public init(maximumFailures: Int = 5, window: TimeInterval = 60, blockDuration: TimeInterval = 300) {
        self.maximumFailures = max(1, maximumFailures)
        self.window = window
        self.blockDuration = blockDuration
    }

    public func isBlocked(_ host: String, now: Date) -> Bool {
        blockedUntil[host].map { $0 > now } ?? false
    }

    /// Records a failed answer; returns true when this failure starts a block.
    @discardableResult
    public mutating func recordFailure(from host: String, now: Date) -> Bool {
        prune(now: now)
        var recent = (failures[host] ?? []).filter { now.timeIntervalSince($0) < window }
        recent.append(now)
        guard recent.count >= maximumFailures else {
            failures[host] = recent
            return false
        }
        failures[host] = nil
        blockedUntil[host] = now.addingTimeInterval(blockDuration)
        return true
    }

    /// A successful registration clears the host's failures (not an active block).
    public mutating func recordSuccess(from host: String) {
        failures[host] = nil
    }

    /// Hosts currently tracked, so that memory stays bounded under a scan.
    public var trackedHosts: Int { Set(failures.keys).union(blockedUntil.keys).count }

    private mutating func prune(now: Date) {
        blockedUntil = blockedUntil.filter { $0.value > now }
        failures = failures.filter { entry in entry.value.contains { now.timeIntervalSince($0) < window } }
    }
}
