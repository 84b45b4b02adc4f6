import Fluent
import Vapor
import WaihuDomain

/// Reading the audit log 审计日志 (admins). There is no route that changes it.
struct AuditController {
    func register(on api: RoutesBuilder) {
        api.guarded(feature: .auditLog).get("audit", use: list)
    }

    struct AuditEntryView: Content {
        var id: Int
        var at: Date
        var actor: String
        var action: String
        var target: String
        var detail: String
        var address: String

        init(_ entry: AuditEntryRecord) {
            id = entry.id ?? 0
            at = entry.at
            actor = entry.actor
            action = entry.action
            target = entry.target
            detail = entry.detail
            address = entry.address
        }
    }

    /// `?limit=100&before=ID&action=login_failed&actor=NAME`, newest first.
    func list(_ req: Request) async throws -> [AuditEntryView] {
        let limit = min(max(req.query[Int.self, at: "limit"] ?? 100, 1), 1000)
        var query = AuditEntryRecord.query(on: req.db)
        if let before = req.query[Int.self, at: "before"] { query = query.filter(\.$id < before) }
        if let action = req.query[String.self, at: "action"], !action.isEmpty { query = query.filter(\.$action == action) }
        if let actor = req.query[String.self, at: "actor"], !actor.isEmpty { query = query.filter(\.$actor == actor) }
        return try await AuditLog.latest(query, limit: limit).map(AuditEntryView.init)
    }
}

extension AuditLog {
    /// The newest entries of a query, newest first.
    public static func latest(_ query: QueryBuilder<AuditEntryRecord>, limit: Int) async throws -> [AuditEntryRecord] {
        try await query.sort(\.$id, .descending).limit(limit).all()
    }
}
