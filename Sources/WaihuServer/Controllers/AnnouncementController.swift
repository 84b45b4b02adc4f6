import Fluent
import Vapor
import WaihuDomain

/// 提示音学习 through the web: the learned carrier announcements (listed for the list
/// features' roles, taught and removed by admins and list managers), and the inbox of
/// calls whose announcement nobody has taught yet, with their audio (privileged and
/// audited like a recording) and teaching from it.
struct AnnouncementController {
    /// Those who may change what the dialer recognises: it decides which numbers are
    /// never dialled again.
    static let teachers: Set<Role> = [.admin, .listManager]

    func register(on api: RoutesBuilder) {
        api.guarded(feature: .listBatches).get("announcements", use: list)
        let teach = api.guarded(.roles(Self.teachers))
        teach.on(.POST, "announcements", body: .collect(maxSize: "16mb"), use: learn)
        teach.delete("announcements", ":announcementID", use: remove)
        teach.get("announcements", "unknown", use: inbox)
        teach.post("announcements", "unknown", ":callID", use: learnFromCall)
        api.grouped(RecordingRefusalAudit()).guarded(.roles(Self.teachers))
            .get("announcements", "unknown", ":callID", "audio", use: audio)
    }

    struct Listing: Content {
        var announcements: [AnnouncementLibrary.Entry]
        /// What the running engine recognises now; absent when SIP is off.
        var inUse: InUse?

        enum CodingKeys: String, CodingKey {
            case announcements, inUse = "in_use"
        }
    }

    struct InUse: Content {
        /// The announcements in the engine's index, read from the engine itself.
        var ids: [Int]
        /// The table's revision when that index was loaded, and when.
        var revision: Int?
        var loadedAt: Date?

        enum CodingKeys: String, CodingKey {
            case ids, revision, loadedAt = "loaded_at"
        }
    }

    func list(_ req: Request) async throws -> Listing {
        let entries = try await AnnouncementLibrary(database: req.db, actor: req.auditActor).list()
        var inUse: InUse?
        if let engine = req.application.telephony?.engine {
            let loaded = await req.application.announcements?.loader.status
            inUse = InUse(ids: engine.announcementIndex.entries.map(\.id), revision: loaded?.revision, loadedAt: loaded?.loadedAt)
        }
        return Listing(announcements: entries, inUse: inUse)
    }

    /// The WAV as the body (label, carrier and name as query fields), or multipart/form-data
    /// with `file`, `label`, `carrier`, `name`.
    func learn(_ req: Request) async throws -> Response {
        struct Fields: Content { var label: String?; var carrier: String?; var name: String? }
        var fields: Fields
        var wav: [UInt8]
        var fileName = "upload.wav"
        if req.headers.contentType?.type == "multipart" {
            struct Form: Content { var file: File; var label: String?; var carrier: String?; var name: String? }
            let form: Form
            do { form = try req.content.decode(Form.self) } catch let error as DecodingError {
                throw Abort(.badRequest, reason: error.fieldMessage)
            }
            fields = Fields(label: form.label, carrier: form.carrier, name: form.name)
            wav = Array(buffer: form.file.data)
            if !form.file.filename.isEmpty { fileName = form.file.filename }
        } else {
            fields = try req.query.decode(Fields.self)
            wav = req.body.data.map { Array(buffer: $0) } ?? []
            if let name = req.query[String.self, at: "filename"], !name.isEmpty { fileName = name }
        }
        let entry = try await mapErrors {
            let label = try AnnouncementLibrary.label(fields.label ?? "")
            return try await AnnouncementLibrary(database: req.db, actor: req.auditActor)
                .learn(wav: wav, label: label, carrier: fields.carrier, name: fields.name,
                       source: .file((fileName as NSString).lastPathComponent))
        }
        await reload(req)
        return try await entry.encodeResponse(status: .created, for: req)
    }

    func remove(_ req: Request) async throws -> HTTPStatus {
        guard let id = req.parameters.get("announcementID", as: Int.self) else { throw Abort(.notFound, reason: "no such announcement") }
        try await mapErrors { try await AnnouncementLibrary(database: req.db, actor: req.auditActor).remove(id) }
        await reload(req)
        return .noContent
    }

    struct Inbox: Content {
        var calls: [UnknownAnnouncementInbox.Item]
        /// How many days the audio is kept.
        var retentionDays: Int

        enum CodingKeys: String, CodingKey {
            case calls, retentionDays = "retention_days"
        }
    }

    func inbox(_ req: Request) async throws -> Inbox {
        let limit = req.query[Int.self, at: "limit"] ?? 100
        let calls = try await inboxStore(req).items(limit: limit)
        return Inbox(calls: calls, retentionDays: Int(UnknownAnnouncementInbox.retention / 86_400))
    }

    func audio(_ req: Request) async throws -> Response {
        let callID = req.parameters.get("callID") ?? ""
        let path = try await mapErrors { try await inboxStore(req).audioPath(callID: callID) }
        try await AuditLog.record(.recordingAccess, by: req.auditActor, target: "announcement/" + callID,
                                  detail: "unknown announcement", on: req.db, logger: req.logger)
        return try await req.fileio.asyncStreamFile(at: path, mediaType: HTTPMediaType(type: "audio", subType: "wav"))
    }

    /// `{"label": "vacant", "carrier": "中国移动"?, "name": "…"?}`: learns the call's kept audio.
    func learnFromCall(_ req: Request) async throws -> Response {
        struct Body: Decodable { var label: String; var carrier: String?; var name: String? }
        let callID = req.parameters.get("callID") ?? ""
        let body = try req.decodeBody(Body.self)
        let entry = try await mapErrors {
            let label = try AnnouncementLibrary.label(body.label)
            let path = try await inboxStore(req).audioPath(callID: callID)
            let wav = try await req.fileio.collectFile(at: path)
            return try await AnnouncementLibrary(database: req.db, actor: req.auditActor)
                .learn(wav: Array(buffer: wav), label: label, carrier: body.carrier, name: body.name, source: .call(callID))
        }
        await reload(req)
        return try await entry.encodeResponse(status: .created, for: req)
    }

    private func inboxStore(_ req: Request) -> UnknownAnnouncementInbox {
        UnknownAnnouncementInbox(database: req.db, dataDirectory: req.application.waihuSettings.dataDirectory)
    }

    /// The engine uses a change at once; the periodic check would find it a little later.
    private func reload(_ req: Request) async {
        do { try await req.application.announcements?.loader.refresh() } catch {
            req.logger.warning("could not reload the learned announcements", metadata: ["error": .string("\(error)")])
        }
    }

    private func mapErrors<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as AnnouncementError {
            switch error {
            case .notFound, .noUnknownAudio: throw Abort(.notFound, reason: error.description)
            case .soundsLike: throw Abort(.conflict, reason: error.description)
            default: throw Abort(.badRequest, reason: error.description)
            }
        }
    }
}
