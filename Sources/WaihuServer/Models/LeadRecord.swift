import Fluent
import Vapor
import WaihuDomain

/// A lead (客户名单中的一条): one customer, one phone key, never twice in the system.
/// Rows are written in bulk by `LeadImporter` with SQL; this model serves reads and edits.
public final class LeadRecord: Model, @unchecked Sendable {
    public static let schema = "leads"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    /// `PhoneNumber.key`: `+8613800138000`.
    @Field(key: "phone_key") public var phoneKey: String
    /// The phone cell as written in the list.
    @Field(key: "phone") public var phone: String
    @OptionalField(key: "extension") public var extensionNumber: String?
    @OptionalField(key: "name") public var name: String?
    /// Canonical plate (`沪A12345`).
    @OptionalField(key: "plate") public var plate: String?
    @OptionalField(key: "car_model") public var carModel: String?
    @OptionalField(key: "vin") public var vin: String?
    @OptionalField(key: "engine_number") public var engineNumber: String?
    @OptionalField(key: "expiry_date") public var expiryDate: String?
    @OptionalField(key: "compulsory_expiry_date") public var compulsoryExpiryDate: String?
    @OptionalField(key: "first_registration_date") public var firstRegistrationDate: String?
    /// 续保日, `YYYY-MM-DD`.
    @OptionalField(key: "renewal_date") public var renewalDate: String?
    /// The extra columns as a JSON array of `{"name":…, "value":…}`.
    @Field(key: "extras") public var extrasJSON: String
    @Field(key: "batch_id") public var batchID: Int
    @Field(key: "status") public var statusName: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var extras: [LeadExtraField] {
        (try? JSONDecoder().decode([LeadExtraField].self, from: Data(extrasJSON.utf8))) ?? []
    }

    public var status: LeadStatus? { LeadStatus(rawValue: statusName) }
}
