import Fluent
import Vapor

/// One imported lead list (批次): its source, its price per lead and the import's counts.
public final class BatchRecord: Model, @unchecked Sendable {
    public static let schema = "lead_batches"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "name") public var name: String
    @Parent(key: "source_id") public var source: SourceRecord
    /// Yuan paid per lead of this batch (0.05 to 1.5 in practice).
    @Field(key: "cost_per_lead") public var costPerLead: Double
    @Field(key: "imported_at") public var importedAt: Date
    @Field(key: "imported_by") public var importedBy: String
    @Field(key: "rows") public var rows: Int
    @Field(key: "imported") public var imported: Int
    @Field(key: "invalid_phone") public var invalidPhone: Int
    @Field(key: "duplicate") public var duplicate: Int
    @Field(key: "dnc") public var doNotCall: Int

    public init() {}

    public init(name: String, sourceID: Int, costPerLead: Double, importedAt: Date, importedBy: String) {
        self.name = name
        self.$source.id = sourceID
        self.costPerLead = costPerLead
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.rows = 0
        self.imported = 0
        self.invalidPhone = 0
        self.duplicate = 0
        self.doNotCall = 0
    }
}
