import Crypto
import Fluent
import Vapor

/// Issues, finds and revokes login sessions. A token is 32 random bytes, base64url;
/// the database holds only its SHA-256.
public enum SessionTokens {
    public static let cookieName = "waihu_session"

    public static func issue(for user: UserRecord, lifetime: TimeInterval, address: String, on database: Database) async throws -> (token: String, expiresAt: Date) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let expiresAt = Date().addingTimeInterval(lifetime)
        let record = SessionTokenRecord(tokenHash: hash(token), userID: try user.requireID(), expiresAt: expiresAt, address: address)
        try await record.create(on: database)
        return (token, expiresAt)
    }

    /// The live session for a token: not revoked, not expired, its user not disabled.
    public static func find(token: String, on database: Database) async throws -> (SessionTokenRecord, UserRecord)? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        let tokenHash = hash(token)
        if let cached = SessionCache.shared.lookup(tokenHash: tokenHash) { return cached }
        guard let session = try await SessionTokenRecord.query(on: database)
            .filter(\.$tokenHash == tokenHash)
            .filter(\.$revokedAt == nil)
            .filter(\.$expiresAt > Date())
            .with(\.$user)
            .first()
        else { return nil }
        guard !session.user.disabled else { return nil }
        SessionCache.shared.store(session, user: session.user)
        return (session, session.user)
    }

    public static func revoke(_ session: SessionTokenRecord, on database: Database) async throws {
        session.revokedAt = Date()
        try await session.save(on: database)
        SessionCache.shared.forget(tokenHash: session.tokenHash)
    }

    /// Ends every session of a user (when the account is disabled or its password reset).
    public static func revokeAll(userID: UUID, on database: Database) async throws {
        try await SessionTokenRecord.query(on: database)
            .filter(\.$user.$id == userID)
            .filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: Date())
            .update()
        SessionCache.shared.forget(userID: userID)
    }

    /// Lower-case hex of the token's SHA-256. Computed on every request, so not with
    /// `String(format:)`, which costs more than the hash itself.
    static func hash(_ token: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

/// Logs in the user of a bearer token or of the web session cookie.
struct SessionAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let token = request.headers.bearerAuthorization?.token ?? request.cookies[SessionTokens.cookieName]?.string
        if let token, let (session, user) = try await SessionTokens.find(token: token, on: request.db) {
            request.auth.login(user)
            request.storage[CurrentSessionKey.self] = session
        }
        return try await next.respond(to: request)
    }
}

struct CurrentSessionKey: StorageKey {
    typealias Value = SessionTokenRecord
}
