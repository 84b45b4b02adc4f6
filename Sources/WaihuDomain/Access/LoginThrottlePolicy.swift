/// When repeated failed logins lock out an account or an address (登录限制).
///
/// Guessing passwords is throttled per account and per client address: once either has
/// `maxFailures` failed attempts inside the sliding `window`, further attempts are refused
/// (HTTP 429) until the oldest failure leaves the window, even with the right password,
/// so a guesser learns nothing from trying.
public struct LoginThrottlePolicy: Sendable, Equatable {
    public var maxFailures: Int
    /// Length of the sliding window, in seconds.
    public var window: Double

    public static let standard = LoginThrottlePolicy(maxFailures: 5, window: 15 * 60)

    public init(maxFailures: Int, window: Double) {
        self.maxFailures = maxFailures
        self.window = window
    }

    /// Whether a new attempt is refused, given the failures counted inside the window
    /// for the account and for the address.
    public func refuses(accountFailures: Int, addressFailures: Int) -> Bool {
        accountFailures >= maxFailures || addressFailures >= maxFailures
    }

    /// Seconds until a refused client may try again: when the oldest failure that
    /// still counts leaves the window.
    public func retryAfter(oldestCountedFailureAge age: Double) -> Int {
        max(1, Int((window - age).rounded(.up)))
    }
}
