import Foundation
import WaihuSIP

/// Where the engine looks up agent phones' passwords (the server backs it with its
/// phones table). `nil` means no such extension, which counts as a failed attempt.
public protocol PhoneDirectory: Sendable {
    func password(forExtension phoneExtension: String) async -> String?
}

/// A fixed set of phones, for tests and the command line.
public struct StaticPhoneDirectory: PhoneDirectory {
    public var passwords: [String: String]

    public init(_ passwords: [String: String]) {
        self.passwords = passwords
    }

    public func password(forExtension phoneExtension: String) async -> String? { passwords[phoneExtension] }
}

/// A phone's registration changed: registered from `source` until `expiresAt`, or
/// unregistered (`expiresAt == nil`). The server persists it for `waihu phone list`.
public struct PhoneRegistration: Sendable, Equatable {
    public var phoneExtension: String
    public var contact: String?
    public var source: SIPEndpoint
    public var expiresAt: Date?
    /// The phone's `User-Agent` header (model and firmware), when it sent one.
    public var userAgent: String?

    public init(phoneExtension: String, contact: String?, source: SIPEndpoint, expiresAt: Date?, userAgent: String? = nil) {
        self.phoneExtension = phoneExtension
        self.contact = contact
        self.source = source
        self.expiresAt = expiresAt
        self.userAgent = userAgent
    }
}
