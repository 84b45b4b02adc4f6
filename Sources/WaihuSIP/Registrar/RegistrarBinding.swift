import Foundation

/// One registered contact of an address of record (坐席话机注册).
public struct RegistrarBinding: Sendable, Equatable {
    /// The Contact the phone registered, as written (often a private address).
    public var contact: SIPURI
    /// Where requests for this contact are sent: the packet source, so that a phone
    /// behind NAT is reached through the mapping its REGISTER opened (RFC 3581 spirit).
    public var target: SIPEndpoint
    public var expiresAt: Date
    public var callID: String
    public var cseq: UInt32

    /// Seconds left, rounded down, never negative.
    public func remaining(at now: Date) -> Int {
        max(0, Int(expiresAt.timeIntervalSince(now)))
    }
}
