import Foundation
import WaihuSIP

/// Where the telephony engine listens and what it allows.
public struct TelephonyConfiguration: Sendable {
    /// Local address for SIP and RTP; also written into Via, Contact and SDP.
    public var host: String
    /// SIP UDP port; 0 picks a free one (tests).
    public var sipPort: Int
    /// RTP ports handed to call legs, even ones only (RTCP would take the odd one).
    public var rtpPorts: ClosedRange<Int>
    /// Realm of the digest challenges sent to phones.
    public var realm: String
    /// Key for the stateless nonces; keep it stable across restarts so phones need not
    /// re-authenticate after one.
    public var nonceSecret: [UInt8]
    /// Hosts (IP literals) that may send out-of-dialog requests other than REGISTER, e.g.
    /// the trunk's signalling addresses. Everything else is refused 403 (no open relay).
    public var trustedHosts: Set<String>
    public var registrationThrottle: RegistrationThrottle
    public var timers: SIPTimerConfiguration
    /// How long without RTP from an answered peer before the leg hangs up.
    public var mediaTimeout: Duration

    public init(host: String = "127.0.0.1", sipPort: Int = 5060, rtpPorts: ClosedRange<Int> = 16000...16999,
                realm: String = "waihu", nonceSecret: [UInt8] = Array(UUID().uuidString.utf8),
                trustedHosts: Set<String> = [], registrationThrottle: RegistrationThrottle = RegistrationThrottle(),
                timers: SIPTimerConfiguration = .udp, mediaTimeout: Duration = .seconds(30)) {
        self.host = host
        self.sipPort = sipPort
        self.rtpPorts = rtpPorts
        self.realm = realm
        self.nonceSecret = nonceSecret
        self.trustedHosts = trustedHosts
        self.registrationThrottle = registrationThrottle
        self.timers = timers
        self.mediaTimeout = mediaTimeout
    }
}
