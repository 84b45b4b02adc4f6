import Fluent
import Vapor
import WaihuDomain

/// A person who logs in to waihu: an agent, a team leader, QA, a list manager, a branch
/// office or an administrator. The role is stored by its raw value.
public final class UserRecord: Model, Authenticatable, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "role") public var roleName: String
    @OptionalParent(key: "team_id") public var team: TeamRecord?
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "disabled") public var disabled: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(username: String, displayName: String, role: Role, teamID: UUID?, passwordHash: String) {
        self.username = username
        self.displayName = displayName
        self.roleName = role.rawValue
        self.$team.id = teamID
        self.passwordHash = passwordHash
        self.disabled = false
    }

    /// The role; an unknown stored value (written by a newer version) grants nothing.
    public var role: Role? { Role(rawValue: roleName) }
}
