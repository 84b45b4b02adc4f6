import Fluent
import Logging
import Vapor

/// Who performed an action, as the audit log records it.
public struct AuditActor: Sendable {
    public var id: UUID?
    public var name: String
    public var address: String

    public init(id: UUID?, name: String, address: String) {
        self.id = id
        self.name = name
        self.address = address
    }

    /// The operator at the server's console (`waihu user add …`).
    public static func console() -> AuditActor {
        let user = ProcessInfo.processInfo.environment["USER"] ?? "root"
        return AuditActor(id: nil, name: "cli:\(user)", address: "console")
    }

    public static func system() -> AuditActor {
        AuditActor(id: nil, name: "system", address: "local")
    }
}

/// Appends to the audit log. There is deliberately no update or delete here, nor anywhere else.
public enum AuditLog {
    public static func record(
        _ action: AuditAction,
        by actor: AuditActor,
        target: String = "",
        detail: String = "",
        on database: Database,
        logger: Logger? = nil
    ) async throws {
        let entry = AuditEntryRecord(
            at: Date(), actorID: actor.id, actor: actor.name, action: action,
            target: target, detail: detail, address: actor.address
        )
        try await entry.create(on: database)
        logger?.notice("audit", metadata: [
            "action": .string(action.rawValue), "actor": .string(actor.name),
            "target": .string(target), "address": .string(actor.address),
        ])
    }
}

extension Request {
    /// The logged-in user as an audit actor, with the client's address.
    var auditActor: AuditActor {
        let user = auth.get(UserRecord.self)
        return AuditActor(id: user?.id, name: user?.username ?? "anonymous", address: clientAddress)
    }

    /// The client's IP address (the socket peer; waihu does not trust forwarding headers).
    var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }
}
