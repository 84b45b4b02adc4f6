import Fluent
import Vapor
import WaihuDomain

/// Creating and changing users and teams. The API and the command line both go
/// through here, so the rules, the password hashing and the audit entries are the same.
/// Each change and its audit entry are written in one transaction (`WriteRetry`: a
/// check-then-insert that races another writer on SQLite starts again instead of failing).
public struct UserAdministration: Sendable {
    public let database: Database
    public let actor: AuditActor
    public let passwords: PasswordHashing
    public var logger: Logger?

    public init(database: Database, actor: AuditActor, passwords: PasswordHashing, logger: Logger? = nil) {
        self.database = database
        self.actor = actor
        self.passwords = passwords
        self.logger = logger
    }

    public struct NewUser: Sendable {
        public var username: String
        public var displayName: String
        public var role: Role
        public var teamName: String?
        public var password: String

        public init(username: String, displayName: String = "", role: Role, teamName: String? = nil, password: String) {
            self.username = username
            self.displayName = displayName
            self.role = role
            self.teamName = teamName
            self.password = password
        }
    }

    public func createUser(_ new: NewUser) async throws -> UserRecord {
        try check { try AccountRules.validateUsername(new.username) }
        try check { try AccountRules.validatePassword(new.password) }
        try check { try AccountRules.validateDisplayName(new.displayName) }
        let hash = try await hashPassword(new.password)
        return try await WriteRetry.transaction(on: database) { db in
            if try await UserRecord.query(on: db).filter(\.$username == new.username).first() != nil {
                throw AdministrationError.usernameTaken(new.username)
            }
            let teamID = try await teamID(named: new.teamName, on: db)
            let user = UserRecord(username: new.username, displayName: new.displayName, role: new.role, teamID: teamID, passwordHash: hash)
            try await user.create(on: db)
            try await AuditLog.record(.userCreated, by: actor, target: new.username,
                                      detail: "role=\(new.role.rawValue) team=\(new.teamName ?? "")", on: db, logger: logger)
            return user
        }
    }

    public struct UserChange: Sendable {
        public var displayName: String?
        public var role: Role?
        /// `.some(nil)` removes the user from their team.
        public var teamName: String??
        public var disabled: Bool?
        public var password: String?

        public init(displayName: String? = nil, role: Role? = nil, teamName: String?? = nil, disabled: Bool? = nil, password: String? = nil) {
            self.displayName = displayName
            self.role = role
            self.teamName = teamName
            self.disabled = disabled
            self.password = password
        }
    }

    public func changeUser(_ user: UserRecord, _ change: UserChange) async throws -> UserRecord {
        if let name = change.displayName { try check { try AccountRules.validateDisplayName(name) } }
        if let password = change.password { try check { try AccountRules.validatePassword(password) } }
        if change.disabled == true, let actorID = actor.id, actorID == user.id {
            throw AdministrationError.cannotDisableYourself
        }
        let newHash = try await change.password.asyncMap { try await hashPassword($0) }
        let userID = try user.requireID()
        // Sessions carry the user's role and team: once the change is committed, the next
        // request reads them afresh (`SessionCache`).
        defer { SessionCache.shared.forget(userID: userID) }
        return try await WriteRetry.transaction(on: database) { db in
            // Read afresh in the transaction: a retry starts from the stored user again.
            guard let user = try await UserRecord.find(userID, on: db) else {
                throw AdministrationError.unknownUser(user.username)
            }
            var changes: [String] = []
            if let name = change.displayName, name != user.displayName {
                user.displayName = name
                changes.append("display_name")
            }
            if let role = change.role, role.rawValue != user.roleName {
                if user.role == .admin { try await requireAnotherAdmin(than: user, on: db) }
                changes.append("role=\(role.rawValue) (was \(user.roleName))")
                user.roleName = role.rawValue
            }
            if let teamName = change.teamName {
                user.$team.id = try await teamID(named: teamName, on: db)
                changes.append("team=\(teamName ?? "")")
            }
            if let disabled = change.disabled, disabled != user.disabled {
                if disabled, user.role == .admin { try await requireAnotherAdmin(than: user, on: db) }
                user.disabled = disabled
                changes.append(disabled ? "disabled" : "enabled")
            }
            try await user.save(on: db)
            if change.disabled == true {
                try await SessionTokens.revokeAll(userID: userID, on: db)
                try await AuditLog.record(.userDisabled, by: actor, target: user.username, on: db, logger: logger)
            }
            if let newHash {
                user.passwordHash = newHash
                try await user.save(on: db)
                try await SessionTokens.revokeAll(userID: userID, on: db)
                try await AuditLog.record(.passwordReset, by: actor, target: user.username, on: db, logger: logger)
            }
            let described = changes.filter { $0 != "disabled" }
            if !described.isEmpty {
                try await AuditLog.record(.userChanged, by: actor, target: user.username,
                                          detail: described.joined(separator: "; "), on: db, logger: logger)
            }
            return user
        }
    }

    /// Every user with the name of their team, by username.
    public func users() async throws -> [(user: UserRecord, teamName: String?)] {
        let teams = try await TeamRecord.query(on: database).all()
        let names = Dictionary(uniqueKeysWithValues: teams.compactMap { team in team.id.map { ($0, team.name) } })
        return try await UserRecord.query(on: database).sort(\.$username).all().map { user in
            (user, user.$team.id.flatMap { names[$0] })
        }
    }

    /// Every team with its leader's username and its number of active members, by name.
    public func teams() async throws -> [(team: TeamRecord, leader: String?, members: Int)] {
        let users = try await UserRecord.query(on: database).all()
        let usernames = Dictionary(uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user.username) } })
        return try await TeamRecord.query(on: database).sort(\.$name).all().map { team in
            (team, team.leaderID.flatMap { usernames[$0] }, users.filter { $0.$team.id == team.id && !$0.disabled }.count)
        }
    }

    public func user(named username: String) async throws -> UserRecord {
        guard let user = try await UserRecord.query(on: database).filter(\.$username == username).first() else {
            throw AdministrationError.unknownUser(username)
        }
        return user
    }

    public func createTeam(name rawName: String, leaderUsername: String?) async throws -> TeamRecord {
        let name = try AdministrationError.checking { try AccountRules.teamName(rawName) }
        return try await WriteRetry.transaction(on: database) { db in
            if try await TeamRecord.query(on: db).filter(\.$name == name).first() != nil {
                throw AdministrationError.teamNameTaken(name)
            }
            let leader = try await leaderRecord(leaderUsername, on: db)
            let team = TeamRecord(name: name, leaderID: try leader?.requireID())
            try await team.create(on: db)
            if let leader, leader.$team.id == nil {
                leader.$team.id = try team.requireID()
                try await leader.save(on: db)
            }
            try await AuditLog.record(.teamCreated, by: actor, target: name, detail: "leader=\(leaderUsername ?? "")", on: db, logger: logger)
            return team
        }
    }

    public func changeTeam(_ team: TeamRecord, name rawName: String?, leaderUsername: String??) async throws -> TeamRecord {
        let newName = try rawName.map { raw in try AdministrationError.checking { try AccountRules.teamName(raw) } }
        let teamID = try team.requireID()
        return try await WriteRetry.transaction(on: database) { db in
            // Read afresh in the transaction: a retry starts from the stored team again.
            guard let team = try await TeamRecord.find(teamID, on: db) else { throw AdministrationError.unknownTeam(team.name) }
            var changes: [String] = []
            if let name = newName, name != team.name {
                if try await TeamRecord.query(on: db).filter(\.$name == name).first() != nil {
                    throw AdministrationError.teamNameTaken(name)
                }
                changes.append("name=\(name) (was \(team.name))")
                team.name = name
            }
            if let leaderUsername {
                let leader = try await leaderRecord(leaderUsername, on: db)
                team.leaderID = try leader?.requireID()
                changes.append("leader=\(leaderUsername ?? "")")
            }
            try await team.save(on: db)
            try await AuditLog.record(.teamChanged, by: actor, target: team.name, detail: changes.joined(separator: "; "), on: db, logger: logger)
            return team
        }
    }

    private func leaderRecord(_ username: String?, on db: Database) async throws -> UserRecord? {
        guard let username, !username.isEmpty else { return nil }
        guard let leader = try await UserRecord.query(on: db).filter(\.$username == username).first() else {
            throw AdministrationError.unknownUser(username)
        }
        guard leader.role == .supervisor || leader.role == .admin else {
            throw AdministrationError.leaderRole(username: username, role: leader.roleName)
        }
        return leader
    }

    private func teamID(named name: String?, on db: Database) async throws -> UUID? {
        guard let name, !name.isEmpty else { return nil }
        guard let team = try await TeamRecord.query(on: db).filter(\.$name == name).first() else {
            throw AdministrationError.unknownTeam(name)
        }
        return try team.requireID()
    }

    private func requireAnotherAdmin(than user: UserRecord, on db: Database) async throws {
        let others = try await UserRecord.query(on: db)
            .filter(\.$roleName == Role.admin.rawValue)
            .filter(\.$disabled == false)
            .filter(\.$id != user.requireID())
            .count()
        if others == 0 { throw AdministrationError.lastAdministrator }
    }

    private func hashPassword(_ password: String) async throws -> String {
        try await passwords.hash(password)
    }

    private func check(_ rule: () throws -> Void) throws {
        try AdministrationError.checking(rule)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
