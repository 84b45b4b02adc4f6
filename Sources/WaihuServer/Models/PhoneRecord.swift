import Fluent
import Vapor

/// An agent phone 分机: the extension it registers as, its SIP password, the agent who
/// sits at it, and where it is registered now (written by the running engine).
public final class PhoneRecord: Model, @unchecked Sendable {
    public static let schema = "phones"

    @ID(key: .id) public var id: UUID?
    @Field(key: "extension") public var phoneExtension: String
    /// In clear: the registrar's digest check needs it.
    @Field(key: "password") public var password: String
    @OptionalParent(key: "agent_id") public var agent: UserRecord?
    /// The registered Contact, the address the REGISTER came from, until when, and the phone's User-Agent.
    @OptionalField(key: "contact") public var contact: String?
    @OptionalField(key: "source") public var source: String?
    @OptionalField(key: "expires_at") public var expiresAt: Date?
    @OptionalField(key: "user_agent") public var userAgent: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(phoneExtension: String, password: String, agentID: UUID?) {
        self.phoneExtension = phoneExtension
        self.password = password
        self.$agent.id = agentID
    }

    /// Registered now: a binding that has not expired.
    public func isRegistered(at now: Date = Date()) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt > now
    }
}
