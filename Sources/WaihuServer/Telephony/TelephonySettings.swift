import Foundation

/// How `waihu serve` runs the telephony engine.
public struct TelephonySettings: Sendable {
    /// False: no SIP port is opened (`waihu serve --no-sip`).
    public var enabled = true
    /// The address written into Via, Contact and SDP: an address the trunk and the
    /// phones can reach, not 0.0.0.0.
    public var host = "127.0.0.1"
    /// 0 picks a free port (tests); serve prints the one bound.
    public var sipPort = 5060
    public var rtpPorts: ClosedRange<Int> = 16000...16999
    /// How often expired registrations are cleared from the phones table.
    public var sweepInterval: Duration = .seconds(15)

    public init() {}
}
