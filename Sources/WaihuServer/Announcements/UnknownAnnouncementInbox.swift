import Fluent
import Foundation
import SQLKit
import Vapor
import WaihuDomain

/// 待学习的提示音: the calls whose audio held a recorded announcement nobody has taught
/// waihu yet (cause `announcement_unknown`), with the audio the call log kept of it in
/// `call_progress_audio`. A list manager listens, picks the label and teaches it; the
/// call then leaves the inbox. The audio is kept for teaching only: `purge` deletes it
/// after `retention`.
public struct UnknownAnnouncementInbox: Sendable {
    /// 30 days: long enough for a weekly look at the inbox, short enough that a customer's
    /// voice, should it be in the audio, is not kept as a recording would be.
    public static let retention: TimeInterval = 30 * 86_400

    public let database: Database
    /// Relative audio paths are under the data directory.
    public let dataDirectory: String

    public init(database: Database, dataDirectory: String) {
        self.database = database
        self.dataDirectory = dataDirectory
    }

    public struct Item: Content, Sendable, Equatable {
        public var callID: String
        public var campaignID: Int?
        public var campaign: String?
        public var leadID: Int?
        public var phone: String?
        public var cause: String
        public var evidence: String?
        public var recordedAt: Date

        enum CodingKeys: String, CodingKey {
            case callID = "call_id", campaignID = "campaign_id", campaign, leadID = "lead_id", phone, cause, evidence
            case recordedAt = "recorded_at"
        }
    }

    /// The untaught calls, newest first. A call taught from stays out unless the
    /// announcement learned from it was removed again (it was taught wrong).
    public func items(limit: Int = 100) async throws -> [Item] {
        let sql = try sqlDatabase()
        struct Row: Decodable {
            var call_id: String
            var campaign_id: Int?
            var campaign: String?
            var lead_id: Int?
            var phone: String?
            var cause: String
            var evidence: String?
            var recorded_at: Double
        }
        let rows = try await sql.raw("""
            SELECT p.call_id, p.campaign_id, c.name AS campaign, p.lead_id, l.phone, p.cause, p.evidence, p.recorded_at
            FROM call_progress_audio p
            LEFT JOIN campaigns c ON c.id = p.campaign_id
            LEFT JOIN leads l ON l.id = p.lead_id
            WHERE p.cause = \(bind: CallCause.announcementUnknown.rawValue)
              AND NOT EXISTS (SELECT 1 FROM announcements a WHERE a.source_call_id = p.call_id AND a.removed_at IS NULL)
            ORDER BY p.recorded_at DESC, p.call_id
            LIMIT \(bind: max(1, min(limit, 1000)))
            """).all(decoding: Row.self)
        return rows.map {
            Item(callID: $0.call_id, campaignID: $0.campaign_id, campaign: $0.campaign, leadID: $0.lead_id, phone: $0.phone,
                 cause: $0.cause, evidence: $0.evidence, recordedAt: Date(timeIntervalSince1970: $0.recorded_at))
        }
    }

    /// The kept audio of an untaught announcement, as a file path that exists.
    public func audioPath(callID: String) async throws -> String {
        let sql = try sqlDatabase()
        struct Row: Decodable { var path: String; var cause: String }
        guard let row = try await sql.select().column("path").column("cause").from("call_progress_audio")
            .where("call_id", .equal, callID).first(decoding: Row.self),
              row.cause == CallCause.announcementUnknown.rawValue else {
            throw AnnouncementError.noUnknownAudio(callID)
        }
        let path = resolve(row.path)
        guard FileManager.default.fileExists(atPath: path) else { throw AnnouncementError.noUnknownAudio(callID) }
        return path
    }

    /// Deletes the audio files and rows recorded before `date`; answers how many calls' audio went.
    @discardableResult
    public func purge(recordedBefore date: Date) async throws -> Int {
        let sql = try sqlDatabase()
        struct Row: Decodable { var call_id: String; var path: String }
        let cutoff = date.timeIntervalSince1970
        let rows = try await sql.select().column("call_id").column("path").from("call_progress_audio")
            .where("recorded_at", .lessThan, cutoff).all(decoding: Row.self)
        for row in rows {
            try? FileManager.default.removeItem(atPath: resolve(row.path))
        }
        // Rows only after their files: a crash in between leaves a row to retry, never a file nobody lists.
        try await sql.delete(from: "call_progress_audio").where("recorded_at", .lessThan, cutoff).run()
        return rows.count
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : dataDirectory + "/" + path
    }

    private func sqlDatabase() throws -> SQLDatabase {
        guard let sql = database as? SQLDatabase else { throw Abort(.internalServerError, reason: "the database does not speak SQL") }
        return sql
    }
}
