import Fluent
import Foundation
import SQLKit
import Vapor
import WaihuDomain

/// A lead's calls and dispositions (feature `leads`, within what the user may see of the
/// lead), and the recordings of campaign calls (feature `recordings`: admins, QA and the
/// supervisors of the agent who took the call). Every listening is audited, and so is
/// every refused attempt.
struct CallHistoryController {
    func register(on api: RoutesBuilder) {
        api.guarded(feature: .leads).get("leads", ":leadID", "calls", use: leadCalls)
        api.grouped(RecordingRefusalAudit()).guarded(feature: .recordings).get("recordings", ":callID", use: recording)
    }

    struct LeadCalls: Content {
        var calls: [CampaignController.CallRow]
        var history: [DesktopCall.HistoryLine]
    }

    func leadCalls(_ req: Request) async throws -> LeadCalls {
        guard let user = req.auth.get(UserRecord.self), let sql = req.db as? SQLDatabase else { throw Abort(.unauthorized) }
        guard let id = req.parameters.get("leadID", as: Int.self) else { throw Abort(.notFound, reason: "no such lead") }
        do {
            _ = try await LeadDirectory(database: req.db, user: user).lead(id)
        } catch is LeadAccessError {
            throw Abort(.notFound, reason: "no such lead")
        }
        var calls = try await CampaignController.callRows(sql: sql, where: "a.lead_id", equals: String(id), limit: 200)
        if !(user.role?.features.contains(.recordings) ?? false) {
            for index in calls.indices { calls[index].recording = false }
        }
        return LeadCalls(calls: calls, history: try await DesktopCall.history(leadID: id, on: req.db))
    }

    func recording(_ req: Request) async throws -> Response {
        guard let user = req.auth.get(UserRecord.self), let sql = req.db as? SQLDatabase else { throw Abort(.unauthorized) }
        let callID = req.parameters.get("callID") ?? ""
        struct Row: Decodable { var path: String; var agent_id: String? }
        guard let row = try await sql.select().column("path").column("agent_id").from("call_recordings")
            .where("call_id", .equal, callID).first(decoding: Row.self),
              FileManager.default.fileExists(atPath: row.path) else {
            throw Abort(.notFound, reason: "no recording of call \(callID)")
        }
        let scope = try await ReportScope.of(user, on: req.db)
        if let allowed = scope.agentIDs, !(row.agent_id.map(allowed.contains) ?? false) {
            throw Abort(.forbidden, reason: "this call was taken outside your teams")
        }
        try await AuditLog.record(.recordingAccess, by: req.auditActor, target: callID, detail: "agent=\(row.agent_id ?? "")",
                                  on: req.db, logger: req.logger)
        return try await req.fileio.asyncStreamFile(at: row.path, mediaType: HTTPMediaType(type: "audio", subType: "wav"))
    }
}

/// Writes refused recording requests to the audit log: someone trying to listen to calls
/// they may not hear is what a QA manager wants to know.
struct RecordingRefusalAudit: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as AbortError where error.status == .forbidden {
            try await AuditLog.record(.recordingAccessRefused, by: request.auditActor, target: request.parameters.get("callID") ?? "",
                                      detail: "role=\(request.auth.get(UserRecord.self)?.roleName ?? "")", on: request.db, logger: request.logger)
            throw error
        }
    }
}
