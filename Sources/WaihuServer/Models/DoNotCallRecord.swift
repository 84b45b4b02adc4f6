import Fluent
import Vapor

/// A number on the do-not-call list (禁呼/拒访名单). `until` (`YYYY-MM-DD`) is the last
/// day the entry holds; nil means for good.
public final class DoNotCallRecord: Model, @unchecked Sendable {
    public static let schema = "do_not_call"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "phone_key") public var phoneKey: String
    @Field(key: "reason") public var reason: String
    @OptionalField(key: "until") public var until: String?
    @Field(key: "added_by") public var addedBy: String
    @Field(key: "added_at") public var addedAt: Date

    public init() {}

    public init(phoneKey: String, reason: String, until: String?, addedBy: String, addedAt: Date) {
        self.phoneKey = phoneKey
        self.reason = reason
        self.until = until
        self.addedBy = addedBy
        self.addedAt = addedAt
    }
}
