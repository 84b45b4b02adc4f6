import Fluent
import Vapor
import WaihuDomain

/// Creating, changing and removing trunks and phones. The API and the command line
/// both come here, so the rules and the audit entries are the same; each change and
/// its audit entry are written in one transaction. Audit details never hold passwords.
public struct TelephonyAdministration: Sendable {
    public let database: Database
    public let actor: AuditActor
    public var logger: Logger?

    public init(database: Database, actor: AuditActor, logger: Logger? = nil) {
        self.database = database
        self.actor = actor
        self.logger = logger
    }

    // MARK: Trunks 线路

    /// A trunk's settings; on a change, nil leaves the stored value as it is.
    public struct TrunkSettings: Sendable {
        public var host: String?
        public var port: Int?
        /// `.some("")` removes the account (no digest login).
        public var username: String?
        public var password: String?
        public var callerID: String?
        public var maxConcurrent: Int?
        public var maxPerSecond: Int?
        public var ringTimeout: Int?
        public var enabled: Bool?

        public init(host: String? = nil, port: Int? = nil, username: String? = nil, password: String? = nil,
                    callerID: String? = nil, maxConcurrent: Int? = nil, maxPerSecond: Int? = nil,
                    ringTimeout: Int? = nil, enabled: Bool? = nil) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.callerID = callerID
            self.maxConcurrent = maxConcurrent
            self.maxPerSecond = maxPerSecond
            self.ringTimeout = ringTimeout
            self.enabled = enabled
        }
    }

    public func trunks() async throws -> [TrunkRecord] {
        try await TrunkRecord.query(on: database).sort(\.$name).all()
    }

    public func trunk(named name: String) async throws -> TrunkRecord {
        guard let trunk = try await TrunkRecord.query(on: database).filter(\.$name == name).first() else {
            throw TelephonyAdministrationError.unknownTrunk(name)
        }
        return trunk
    }

    /// The named trunk, or the first enabled one when no name is given.
    public func trunkForCall(named name: String?) async throws -> TrunkRecord {
        if let name { return try await trunk(named: name) }
        guard let trunk = try await TrunkRecord.query(on: database).filter(\.$enabled == true).sort(\.$name).first() else {
            throw TelephonyAdministrationError.noTrunk
        }
        return trunk
    }

    public func createTrunk(name: String, _ settings: TrunkSettings) async throws -> TrunkRecord {
        try check { try TelephonyRules.validateTrunkName(name) }
        guard let host = settings.host else {
            throw TelephonyAdministrationError.invalidField(.invalid(field: "host", reason: "is required"))
        }
        let trunk = TrunkRecord(name: name, host: host, port: settings.port ?? 5060,
                                username: settings.username.flatMap { $0.isEmpty ? nil : $0 },
                                password: settings.password.flatMap { $0.isEmpty ? nil : $0 },
                                callerID: settings.callerID ?? "", maxConcurrent: settings.maxConcurrent ?? 30,
                                maxPerSecond: settings.maxPerSecond ?? 10, ringTimeout: settings.ringTimeout ?? 30,
                                enabled: settings.enabled ?? true)
        try validate(trunk)
        return try await WriteRetry.transaction(on: database) { db in
            if try await TrunkRecord.query(on: db).filter(\.$name == name).first() != nil {
                throw TelephonyAdministrationError.trunkNameTaken(name)
            }
            try await trunk.create(on: db)
            try await AuditLog.record(.trunkCreated, by: actor, target: name, detail: describe(trunk), on: db, logger: logger)
            return trunk
        }
    }

    public func changeTrunk(_ trunk: TrunkRecord, _ settings: TrunkSettings) async throws -> TrunkRecord {
        if let host = settings.host { trunk.host = host }
        if let port = settings.port { trunk.port = port }
        if let username = settings.username {
            trunk.username = username.isEmpty ? nil : username
            if username.isEmpty { trunk.password = nil }
        }
        if let password = settings.password, !password.isEmpty { trunk.password = password }
        if let callerID = settings.callerID { trunk.callerID = callerID }
        if let value = settings.maxConcurrent { trunk.maxConcurrent = value }
        if let value = settings.maxPerSecond { trunk.maxPerSecond = value }
        if let value = settings.ringTimeout { trunk.ringTimeout = value }
        if let enabled = settings.enabled { trunk.enabled = enabled }
        try validate(trunk)
        return try await WriteRetry.transaction(on: database) { db in
            try await trunk.save(on: db)
            var detail = describe(trunk)
            if settings.password?.isEmpty == false { detail += " password=changed" }
            try await AuditLog.record(.trunkChanged, by: actor, target: trunk.name, detail: detail, on: db, logger: logger)
            return trunk
        }
    }

    public func removeTrunk(named name: String) async throws {
        try await WriteRetry.transaction(on: database) { db in
            guard let trunk = try await TrunkRecord.query(on: db).filter(\.$name == name).first() else {
                throw TelephonyAdministrationError.unknownTrunk(name)
            }
            try await trunk.delete(on: db)
            try await AuditLog.record(.trunkRemoved, by: actor, target: name, on: db, logger: logger)
        }
    }

    private func validate(_ trunk: TrunkRecord) throws {
        try check { try TelephonyRules.validateHost(trunk.host) }
        try check { try TelephonyRules.validatePort(trunk.port) }
        try check { try TelephonyRules.validateCallerID(trunk.callerID) }
        try check { try TelephonyRules.validateTrunkCredentials(username: trunk.username, password: trunk.password) }
        try check {
            try TelephonyRules.validateLimits(maxConcurrent: trunk.maxConcurrent, maxPerSecond: trunk.maxPerSecond,
                                              ringTimeout: trunk.ringTimeout)
        }
    }

    /// The audit detail: every setting but the password.
    private func describe(_ trunk: TrunkRecord) -> String {
        "host=\(trunk.host):\(trunk.port) username=\(trunk.username ?? "") caller_id=\(trunk.callerID) "
            + "max_concurrent=\(trunk.maxConcurrent) max_cps=\(trunk.maxPerSecond) ring_timeout=\(trunk.ringTimeout) enabled=\(trunk.enabled)"
    }

    // MARK: Phones 分机

    public struct PhoneEntry: Sendable {
        public var phone: PhoneRecord
        public var agent: String?
    }

    public func phones() async throws -> [PhoneEntry] {
        let phones = try await PhoneRecord.query(on: database).with(\.$agent).sort(\.$phoneExtension).all()
        return phones.map { PhoneEntry(phone: $0, agent: $0.agent?.username) }
    }

    public func phone(_ phoneExtension: String) async throws -> PhoneRecord {
        guard let phone = try await PhoneRecord.query(on: database).filter(\.$phoneExtension == phoneExtension).first() else {
            throw TelephonyAdministrationError.unknownPhone(phoneExtension)
        }
        return phone
    }

    public func createPhone(extension phoneExtension: String, password: String, agent: String?) async throws -> PhoneRecord {
        try check { try TelephonyRules.validateExtension(phoneExtension) }
        try check { try TelephonyRules.validatePhonePassword(password) }
        return try await WriteRetry.transaction(on: database) { db in
            if try await PhoneRecord.query(on: db).filter(\.$phoneExtension == phoneExtension).first() != nil {
                throw TelephonyAdministrationError.extensionTaken(phoneExtension)
            }
            let agentID = try await agentID(agent, on: db)
            let phone = PhoneRecord(phoneExtension: phoneExtension, password: password, agentID: agentID)
            try await phone.create(on: db)
            try await AuditLog.record(.phoneCreated, by: actor, target: phoneExtension, detail: "agent=\(agent ?? "")",
                                      on: db, logger: logger)
            return phone
        }
    }

    /// `agent`: `.some(nil)` frees the phone from its agent.
    public func changePhone(_ phone: PhoneRecord, password: String?, agent: String??) async throws -> PhoneRecord {
        if let password { try check { try TelephonyRules.validatePhonePassword(password) } }
        return try await WriteRetry.transaction(on: database) { db in
            var changes: [String] = []
            if let password {
                phone.password = password
                changes.append("password=changed")
            }
            if let agent {
                phone.$agent.id = try await agentID(agent, on: db)
                changes.append("agent=\(agent ?? "")")
            }
            try await phone.save(on: db)
            try await AuditLog.record(.phoneChanged, by: actor, target: phone.phoneExtension,
                                      detail: changes.joined(separator: " "), on: db, logger: logger)
            return phone
        }
    }

    public func removePhone(_ phoneExtension: String) async throws {
        try await WriteRetry.transaction(on: database) { db in
            guard let phone = try await PhoneRecord.query(on: db).filter(\.$phoneExtension == phoneExtension).first() else {
                throw TelephonyAdministrationError.unknownPhone(phoneExtension)
            }
            try await phone.delete(on: db)
            try await AuditLog.record(.phoneRemoved, by: actor, target: phoneExtension, on: db, logger: logger)
        }
    }

    private func agentID(_ username: String?, on db: Database) async throws -> UUID? {
        guard let username, !username.isEmpty else { return nil }
        guard let user = try await UserRecord.query(on: db).filter(\.$username == username).first() else {
            throw TelephonyAdministrationError.unknownAgent(username)
        }
        return try user.requireID()
    }

    /// A random phone password: 16 letters and digits without look-alikes (0/O, 1/l/I).
    public static func randomPhonePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
    }

    private func check(_ rule: () throws -> Void) throws {
        try TelephonyAdministrationError.checking(rule)
    }
}
