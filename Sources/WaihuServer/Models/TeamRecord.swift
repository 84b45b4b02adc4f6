import Fluent
import Vapor

/// A team 班组 of agents with its team leader 班组长.
public final class TeamRecord: Model, @unchecked Sendable {
    public static let schema = "teams"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    /// The leader's user id. Not a foreign key: users point at teams, and SQLite cannot
    /// add the reverse constraint after both tables exist.
    @OptionalField(key: "leader_id") public var leaderID: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(name: String, leaderID: UUID?) {
        self.name = name
        self.leaderID = leaderID
    }
}
