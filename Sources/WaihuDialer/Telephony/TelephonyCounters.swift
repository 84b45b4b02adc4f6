/// What the engine has seen and refused, as plain numbers the server exports to
/// /metrics (e.g. `waihu_sip_malformed_total{action="answered"}`).
public struct TelephonyCounters: Sendable, Equatable, Codable {
    /// Datagrams that did not parse and were answered 400/505.
    public var malformedAnswered = 0
    /// Datagrams that did not parse and could not be answered (dropped).
    public var malformedDropped = 0
    /// Out-of-dialog requests refused 403 (unknown source, throttled registration).
    public var forbidden = 0
    /// In-dialog requests for no known call (481).
    public var unknownDialog = 0
    public var registrationsAccepted = 0
    public var registrationFailures = 0
    /// REGISTERs refused because their source is blocked after failures.
    public var registrationsThrottled = 0
    public var callsPlaced = 0
    public var callsEnded = 0
    public var activeCalls = 0
    public var rtpPortsInUse = 0
    public var sipTransactions = 0

    public init() {}
}
