import Fluent
import Vapor

/// A login session. Only the SHA-256 of the bearer token is stored, so a copy of the
/// database does not hand out sessions. Logout sets `revokedAt`.
public final class SessionTokenRecord: Model, @unchecked Sendable {
    public static let schema = "session_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "user_id") public var user: UserRecord
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @Field(key: "address") public var address: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(tokenHash: String, userID: UUID, expiresAt: Date, address: String) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.expiresAt = expiresAt
        self.address = address
    }
}
