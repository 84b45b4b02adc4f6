import Foundation

/// A lead's run of 关机 / 无法接通 results: how many within the window that began at `since`.
/// A phone that stays off for days is as good as a dead number, so after
/// `RetryPolicy.unreachableAttempts` such results within `unreachableDays` the lead is invalid.
public struct UnreachableStreak: Sendable, Equatable {
    public var count: Int
    public var since: Date?

    public init(count: Int = 0, since: Date? = nil) {
        self.count = count
        self.since = since
    }

    public static let none = UnreachableStreak()

    /// The streak after one more unreachable result at `time`: a result outside the window
    /// starts a new one.
    public func adding(at time: Date, windowDays: Int) -> UnreachableStreak {
        if let since, time.timeIntervalSince(since) < Double(windowDays) * 86_400 {
            return UnreachableStreak(count: count + 1, since: since)
        }
        return UnreachableStreak(count: 1, since: time)
    }
}
