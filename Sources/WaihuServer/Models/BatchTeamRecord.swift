import Fluent
import Vapor

/// A batch assigned to a team: the team's agents may see and edit its leads.
public final class BatchTeamRecord: Model, @unchecked Sendable {
    public static let schema = "lead_batch_teams"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "batch_id") public var batchID: Int
    @Field(key: "team_id") public var teamID: UUID

    public init() {}

    public init(batchID: Int, teamID: UUID) {
        self.batchID = batchID
        self.teamID = teamID
    }
}
