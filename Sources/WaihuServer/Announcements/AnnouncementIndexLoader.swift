import Fluent
import Foundation
import Logging
import Vapor
import WaihuMedia

/// Keeps the telephony engine's `AnnouncementIndex` in step with the announcements table.
/// The table changes from two places: this server's API (which asks for a reload at once)
/// and `waihu announcements learn|remove`, another process writing the same database,
/// which only the periodic `refresh()` can notice. The check is one `count` query.
public actor AnnouncementIndexLoader {
    /// What the engine recognises now, for the API and the tests.
    public struct Status: Content, Sendable, Equatable {
        public var revision: Int
        /// The learned announcements in the engine's index, by id.
        public var ids: [Int]
        public var loadedAt: Date

        enum CodingKeys: String, CodingKey {
            case revision, ids, loadedAt = "loaded_at"
        }
    }

    private let database: Database
    private let apply: @Sendable (AnnouncementIndex) async -> Void
    private let logger: Logger
    private var current: Status?

    public init(database: Database, logger: Logger, apply: @escaping @Sendable (AnnouncementIndex) async -> Void) {
        self.database = database
        self.logger = logger
        self.apply = apply
    }

    public var status: Status? { current }

    /// Builds a new index and hands it to the engine when the table changed since the last
    /// load; answers whether it did. Calls already analysing keep the index they started with.
    @discardableResult
    public func refresh() async throws -> Bool {
        // The revision is read first: a change that lands while the rows are read makes
        // the next refresh load again rather than be missed.
        let revision = try await AnnouncementLibrary.revision(on: database)
        if let current, current.revision >= revision { return false }
        let loaded = try await AnnouncementLibrary.learned(on: database)
        // Another refresh may have run while this one read (the actor is re-entered at
        // each await): never replace a newer index with an older one.
        if let current, current.revision >= revision { return false }
        for id in loaded.unreadable {
            logger.warning("a learned announcement's fingerprint cannot be read; teach it again", metadata: ["id": .stringConvertible(id)])
        }
        await apply(AnnouncementIndex(loaded.announcements))
        current = Status(revision: revision, ids: loaded.announcements.map(\.id), loadedAt: Date())
        logger.info("announcements loaded", metadata: ["count": .stringConvertible(loaded.announcements.count),
                                                        "revision": .stringConvertible(revision)])
        return true
    }
}
