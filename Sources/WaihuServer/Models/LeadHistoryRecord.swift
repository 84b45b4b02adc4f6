import Fluent
import Vapor

/// One change to one field of a lead: who, when, the old and the new value.
public final class LeadHistoryRecord: Model, @unchecked Sendable {
    public static let schema = "lead_history"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "lead_id") public var leadID: Int
    @Field(key: "at") public var at: Date
    @Field(key: "actor") public var actor: String
    @Field(key: "field") public var field: String
    @OptionalField(key: "old_value") public var oldValue: String?
    @OptionalField(key: "new_value") public var newValue: String?

    public init() {}

    public init(leadID: Int, at: Date, actor: String, field: String, oldValue: String?, newValue: String?) {
        self.leadID = leadID
        self.at = at
        self.actor = actor
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}
