import Fluent
import Vapor

/// Where leads come from (名单来源): a vendor, a branch office, an insurer's renewal list.
/// `defaultPrice` is the usual price of one lead from this source, in yuan.
public final class SourceRecord: Model, @unchecked Sendable {
    public static let schema = "lead_sources"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "name") public var name: String
    @Field(key: "default_price") public var defaultPrice: Double
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(name: String, defaultPrice: Double) {
        self.name = name
        self.defaultPrice = defaultPrice
    }
}
