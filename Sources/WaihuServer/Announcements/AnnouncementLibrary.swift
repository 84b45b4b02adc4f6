import Fluent
import Foundation
import SQLKit
import Vapor
import WaihuDomain
import WaihuMedia

/// The carrier announcements waihu recognises (提示音学习): learned from a WAV or from the
/// kept audio of a call, listed and removed. The CLI and the API both change them through
/// here; every change is audited. Only the fingerprint is stored, never the recording.
public struct AnnouncementLibrary: Sendable {
    public let database: Database
    public let actor: AuditActor

    public init(database: Database, actor: AuditActor) {
        self.database = database
        self.actor = actor
    }

    /// Where a recording came from, as stored in `source`.
    public enum Source: Sendable, Equatable {
        /// A file the list manager uploaded or named; its name without folders.
        case file(String)
        /// The audio kept from a call whose cause was `announcement_unknown`.
        case call(String)

        var text: String {
            switch self {
            case .file(let name): return "file \(name)"
            case .call(let id): return "call \(id)"
            }
        }
    }

    public struct Entry: Content, Sendable, Equatable {
        public var id: Int
        public var label: String
        public var carrier: String?
        public var name: String
        public var durationSeconds: Double
        public var source: String
        public var sourceCallID: String?
        public var createdBy: String
        public var createdAt: Date

        enum CodingKeys: String, CodingKey {
            case id, label, carrier, name, source
            case durationSeconds = "duration_seconds", sourceCallID = "source_call_id"
            case createdBy = "created_by", createdAt = "created_at"
        }
    }

    static let textLimit = 100

    /// The label a list manager typed: a `CallCause` raw value (`vacant`) or its Chinese
    /// name (空号), among those a carrier announces.
    public static func label(_ text: String) throws -> CallCause {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let cause = CallCause(rawValue: value) ?? CallCause.allCases.first { $0.chineseName == value }
        guard let cause, cause.isAnnouncementLabel else { throw AnnouncementError.unknownLabel(value) }
        return cause
    }

    /// Fingerprints the recording and stores it under `label`. A recording the analyser
    /// cannot learn from is refused with its reason; nothing is stored then.
    public func learn(wav: [UInt8], label: CallCause, carrier: String?, name: String?, source: Source) async throws -> Entry {
        guard label.isAnnouncementLabel else { throw AnnouncementError.unknownLabel(label.rawValue) }
        let carrier = try Self.field(carrier, "carrier")
        let sample: AnnouncementSample
        do { sample = try AnnouncementSample(wav: wav) } catch {
            throw AnnouncementError.unusableAudio(String(describing: error))
        }
        let name = try Self.field(name, "name") ?? Self.defaultName(label: label, carrier: carrier, source: source)
        // Two announcements that sound alike under different labels would make the
        // analyser's verdict a coin toss: refuse the second.
        let existing = AnnouncementIndex(try await Self.learned(on: database).announcements)
        if let match = existing.match(sample.fingerprint.landmarks), match.label != label.rawValue {
            throw AnnouncementError.soundsLike(id: match.id, label: match.label, name: match.name, wanted: label.rawValue)
        }
        var callID: String?
        if case .call(let id) = source { callID = id }
        let record = AnnouncementRecord(label: label.rawValue, carrier: carrier, name: name, fingerprint: Data(sample.fingerprint.encoded),
                                        durationSeconds: sample.durationSeconds, source: source.text, sourceCallID: callID,
                                        createdBy: actor.name, createdAt: Date())
        return try await WriteRetry.transaction(on: database) { db in
            try await record.create(on: db)
            let id = try record.requireID()
            var detail = "label=\(label.rawValue) name=\(name) \(source.text)"
            if let carrier { detail += " carrier=\(carrier)" }
            try await AuditLog.record(.announcementLearned, by: actor, target: "announcement \(id)", detail: detail, on: db)
            return try Self.entry(record)
        }
    }

    /// The announcements in use, newest first.
    public func list() async throws -> [Entry] {
        try await AnnouncementRecord.query(on: database).filter(\.$removedAt == nil)
            .sort(\.$createdAt, .descending).sort(\.$id, .descending).all().map(Self.entry)
    }

    /// Stops recognising an announcement: its fingerprint is erased, its row stays (ids are
    /// never reused, and the server sees the change by the row count).
    @discardableResult
    public func remove(_ id: Int) async throws -> Entry {
        try await WriteRetry.transaction(on: database) { db in
            guard let record = try await AnnouncementRecord.query(on: db).filter(\.$id == id).filter(\.$removedAt == nil).first() else {
                throw AnnouncementError.notFound(id)
            }
            let entry = try Self.entry(record)
            record.fingerprint = nil
            record.removedBy = actor.name
            record.removedAt = Date().timeIntervalSince1970
            try await record.save(on: db)
            try await AuditLog.record(.announcementRemoved, by: actor, target: "announcement \(id)",
                                      detail: "label=\(record.label) name=\(record.name)", on: db)
            return entry
        }
    }

    /// A number that grows with every learned and every removed announcement: the running
    /// server compares it every few seconds to see what the CLI changed.
    public static func revision(on database: Database) async throws -> Int {
        guard let sql = database as? SQLDatabase else { return 0 }
        struct Row: Decodable { var learned: Int; var removed: Int }
        let row = try await sql.select()
            .column(SQLFunction("count", args: SQLLiteral.all), as: "learned")
            .column(SQLFunction("count", args: SQLColumn("removed_at")), as: "removed")
            .from(AnnouncementRecord.schema)
            .first(decoding: Row.self)
        return (row?.learned ?? 0) + (row?.removed ?? 0)
    }

    /// What the analyser matches calls against: every announcement in use, and the ids of
    /// those whose stored fingerprint this version cannot read (to be taught again).
    public static func learned(on database: Database) async throws -> (announcements: [LearnedAnnouncement], unreadable: [Int]) {
        var announcements: [LearnedAnnouncement] = []
        var unreadable: [Int] = []
        for record in try await AnnouncementRecord.query(on: database).filter(\.$removedAt == nil).sort(\.$id).all() {
            guard let id = record.id else { continue }
            guard let data = record.fingerprint, let fingerprint = try? AudioFingerprint(encoded: [UInt8](data)) else {
                unreadable.append(id)
                continue
            }
            announcements.append(LearnedAnnouncement(id: id, label: record.label, name: record.name, fingerprint: fingerprint))
        }
        return (announcements, unreadable)
    }

    static func entry(_ record: AnnouncementRecord) throws -> Entry {
        Entry(id: try record.requireID(), label: record.label, carrier: record.carrier, name: record.name,
              durationSeconds: record.durationSeconds, source: record.source, sourceCallID: record.sourceCallID,
              createdBy: record.createdBy, createdAt: Date(timeIntervalSince1970: record.createdAt))
    }

    /// A trimmed optional text: nil when empty, refused when longer than the limit.
    static func field(_ value: String?, _ name: String) throws -> String? {
        guard let text = value?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        guard text.count <= textLimit else { throw AnnouncementError.tooLong(field: name, limit: textLimit) }
        return text
    }

    /// A file is named after itself (移动空号.wav → 移动空号); a call's audio after its label
    /// and carrier (空号 中国移动).
    static func defaultName(label: CallCause, carrier: String?, source: Source) -> String {
        if case .file(let file) = source {
            let stem = (file as NSString).deletingPathExtension
            if !stem.isEmpty { return String(stem.prefix(textLimit)) }
        }
        return [label.chineseName, carrier].compactMap { $0 }.joined(separator: " ")
    }
}
