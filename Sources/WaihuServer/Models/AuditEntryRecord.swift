import Fluent
import Vapor

/// One line of the append-only audit log 审计日志: who did what, when, from where.
/// waihu has no code path that updates or deletes these rows.
public final class AuditEntryRecord: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "at") public var at: Date
    @OptionalField(key: "actor_id") public var actorID: UUID?
    @Field(key: "actor") public var actor: String
    @Field(key: "action") public var action: String
    @Field(key: "target") public var target: String
    @Field(key: "detail") public var detail: String
    @Field(key: "address") public var address: String

    public init() {}

    public init(at: Date, actorID: UUID?, actor: String, action: AuditAction, target: String, detail: String, address: String) {
        self.at = at
        self.actorID = actorID
        self.actor = actor
        self.action = action.rawValue
        self.target = target
        self.detail = detail
        self.address = address
    }
}
