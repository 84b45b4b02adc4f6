import Fluent
import Vapor
import WaihuDialer

/// 测试呼叫: `POST /api/v1/calls/test` places a bridged test call through the running
/// engine (the phones are registered to it) and answers when the call has ended, with
/// the customer's report, the agent leg's, and the recording's id for download.
struct TestCallController {
    func register(on api: RoutesBuilder) {
        let admin = api.guarded(feature: .telephony)
        admin.post("calls", "test", use: place)
        admin.get("calls", "test", "recordings", ":file", use: recording)
    }

    struct TestCallRequest: Content {
        var to: String
        var agent: String
        var trunk: String?
        var record: Bool?
    }

    func place(_ req: Request) async throws -> Response {
        let body = try req.decodeBody(TestCallRequest.self)
        guard let telephony = req.application.telephony else {
            throw Abort(.serviceUnavailable, reason: "telephony is not running on this server (waihu serve started with --no-sip)")
        }
        guard (3...20).contains(body.to.count), body.to.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "+") }) else {
            throw Abort(.badRequest, reason: "to: '\(body.to)' must be a phone number of 3 to 20 digits")
        }
        let administration = req.telephonyAdministration
        let trunk = try await administration.trunkForCall(named: body.trunk)
        _ = try await administration.phone(body.agent)
        var recordingID: String?
        var recordingPath: String?
        if body.record == true {
            let id = UUID().uuidString.lowercased()
            let folder = Self.recordingFolder(req.application)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            recordingID = id + ".wav"
            recordingPath = folder + "/" + id + ".wav"
        }
        try await AuditLog.record(.testCall, by: req.auditActor, target: body.to,
                                  detail: "trunk=\(trunk.name) agent=\(body.agent) record=\(body.record == true)",
                                  on: req.db, logger: req.logger)
        let call = TestCall(number: body.to, agentExtension: body.agent, trunk: .init(trunk), recordingPath: recordingPath)
        let reports: TestCall.Result
        do {
            reports = try await call.run(on: telephony.engine)
        } catch let error as TelephonyEngineError {
            throw Abort(.conflict, reason: error.description)
        }
        let json = "{\"customer\":\(reports.customer.json),\"agent\":\(reports.agent?.json ?? "null"),"
            + "\"talk_s\":\((reports.talkSeconds * 100).rounded() / 100),"
            + "\"recording_id\":\(recordingID.map { "\"\($0)\"" } ?? "null")}"
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: json))
    }

    /// A test call's recording, to the admin who may listen to it (audited).
    func recording(_ req: Request) async throws -> Response {
        let file = req.parameters.get("file") ?? ""
        guard file.hasSuffix(".wav"), UUID(uuidString: String(file.dropLast(4))) != nil else {
            throw Abort(.notFound, reason: "no such recording")
        }
        let path = Self.recordingFolder(req.application) + "/" + file
        guard FileManager.default.fileExists(atPath: path) else { throw Abort(.notFound, reason: "no such recording") }
        try await AuditLog.record(.recordingAccess, by: req.auditActor, target: "test/" + file, on: req.db, logger: req.logger)
        return try await req.fileio.asyncStreamFile(at: path, mediaType: HTTPMediaType(type: "audio", subType: "wav"))
    }

    static func recordingFolder(_ app: Application) -> String {
        (app.waihuSettings.dataDirectory as NSString).appendingPathComponent("recordings/test")
    }
}
