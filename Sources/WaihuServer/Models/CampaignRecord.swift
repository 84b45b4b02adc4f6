import Fluent
import Foundation
import Vapor
import WaihuDomain

/// One campaign (外呼任务): its plan as JSON (`CampaignPlan`), status, trunk and prompt.
public final class CampaignRecord: Model, @unchecked Sendable {
    public static let schema = "campaigns"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "name") public var name: String
    @Field(key: "mode") public var mode: String
    @Field(key: "status") public var status: String
    @Field(key: "plan") public var planJSON: String
    /// The trunk's name; nil uses the first enabled trunk.
    @OptionalField(key: "trunk") public var trunk: String?
    /// Shown to customers; nil uses the trunk's.
    @OptionalField(key: "caller_id") public var callerID: String?
    /// File name of the recorded prompt under the data folder's `prompts/`.
    @OptionalField(key: "prompt") public var prompt: String?
    @OptionalField(key: "prompt_seconds") public var promptSeconds: Double?
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "started_at") public var startedAt: Date?
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}

    public init(name: String, plan: CampaignPlan, trunk: String?, callerID: String?, createdBy: String, createdAt: Date) throws {
        self.name = name
        self.mode = plan.mode.rawValue
        self.status = CampaignStatus.draft.rawValue
        self.planJSON = try Self.encode(plan)
        self.trunk = trunk
        self.callerID = callerID
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    public var plan: CampaignPlan {
        get throws { try JSONDecoder().decode(CampaignPlan.self, from: Data(planJSON.utf8)) }
    }

    public func setPlan(_ plan: CampaignPlan) throws {
        planJSON = try Self.encode(plan)
        mode = plan.mode.rawValue
    }

    public var campaignStatus: CampaignStatus { CampaignStatus(rawValue: status) ?? .stopped }

    static func encode(_ plan: CampaignPlan) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(plan), as: UTF8.self)
    }
}
