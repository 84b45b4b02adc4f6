import Crypto
import Foundation

/// Server-side digest for phones registering to or calling through waihu (坐席话机).
/// Nonces are stateless: issue time plus an HMAC over it, so any waihu process with the
/// same secret can check them and no table of outstanding nonces is kept.
public struct DigestAuthenticator: Sendable {
    public enum Verdict: Sendable, Equatable {
        case valid
        /// Right password, expired nonce: challenge again with `stale=TRUE`.
        case staleNonce
        /// Nonce not ours, tampered, or for another realm.
        case invalidNonce
        case wrongCredentials
    }

    public let realm: String
    public let algorithm: DigestAlgorithm
    public let nonceLifetime: TimeInterval
    private let key: SymmetricKey

    public init(realm: String, secret: [UInt8], algorithm: DigestAlgorithm = .md5, nonceLifetime: TimeInterval = 300) {
        self.realm = realm
        self.algorithm = algorithm
        self.nonceLifetime = nonceLifetime
        self.key = SymmetricKey(data: secret)
    }

    /// A fresh challenge for a 401/407.
    public func challenge(now: Date, stale: Bool = false) -> DigestChallenge {
        DigestChallenge(realm: realm, nonce: nonce(issuedAt: now), algorithm: algorithm, qop: ["auth"], stale: stale)
    }

    func nonce(issuedAt date: Date) -> String {
        let seconds = String(UInt64(max(0, date.timeIntervalSince1970)), radix: 16)
        return seconds + "." + signature(seconds)
    }

    private func signature(_ text: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(realm):\(text)".utf8), using: key)
        return Array(mac).prefix(16).hexString
    }

    /// Checks an answer against the password the caller looked up for `username`.
    public func verify(_ authorization: DigestAuthorization, method: String, password: String, now: Date) -> Verdict {
        let credentials = DigestCredentials(username: authorization.username, password: password)
        return verify(authorization, method: method, ha1: credentials.ha1(realm: realm, algorithm: authorization.algorithm), now: now)
    }

    /// Same, with a stored H(A1) so that passwords need not be kept in clear.
    public func verify(_ authorization: DigestAuthorization, method: String, ha1: String, now: Date) -> Verdict {
        guard authorization.realm == realm else { return .invalidNonce }
        let parts = authorization.nonce.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let issued = UInt64(parts[0], radix: 16),
              constantTimeEqual(signature(String(parts[0])), String(parts[1])) else { return .invalidNonce }
        let expected = DigestCredentials.response(algorithm: authorization.algorithm, ha1: ha1, nonce: authorization.nonce,
                                                  method: method, uri: authorization.uri, qop: authorization.qop,
                                                  nonceCount: authorization.nonceCount, cnonce: authorization.cnonce)
        guard constantTimeEqual(expected, authorization.response) else { return .wrongCredentials }
        let age = now.timeIntervalSince1970 - TimeInterval(issued)
        guard age <= nonceLifetime, age >= -5 else { return .staleNonce }
        return .valid
    }

    /// Compares without an early exit so response timing does not leak a prefix match.
    private func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
