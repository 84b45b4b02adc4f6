import Fluent
import Foundation
import Vapor
import WaihuMedia

/// The announcement upkeep of `waihu serve`: loads the learned announcements into the
/// telephony engine at start, looks for changes every `pollInterval` (the CLI writes the
/// table from another process), and deletes the unknown-announcement audio older than
/// `UnknownAnnouncementInbox.retention` once an hour.
public final class AnnouncementService: Sendable {
    /// Short enough that an announcement taught on the command line is in use before the
    /// list manager has typed the next command; the check is one count query.
    public static let pollInterval: Duration = .seconds(2)
    static let purgeInterval: Duration = .seconds(3600)

    public let loader: AnnouncementIndexLoader
    private let poller: Task<Void, Never>
    private let purger: Task<Void, Never>

    private init(loader: AnnouncementIndexLoader, poller: Task<Void, Never>, purger: Task<Void, Never>) {
        self.loader = loader
        self.poller = poller
        self.purger = purger
    }

    /// `apply` hands a new index to the engine (`TelephonyEngine.setAnnouncements`).
    /// A table that cannot be read at start is logged, not fatal: calls go on without
    /// announcements and the next check tries again.
    public static func start(_ app: Application, apply: @escaping @Sendable (AnnouncementIndex) async -> Void) async -> AnnouncementService {
        let logger = app.logger
        let loader = AnnouncementIndexLoader(database: app.db, logger: logger, apply: apply)
        do { try await loader.refresh() } catch {
            logger.warning("could not load the learned announcements", metadata: ["error": .string("\(error)")])
        }
        let poller = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: pollInterval)
                if Task.isCancelled { break }
                do { try await loader.refresh() } catch {
                    logger.warning("could not reload the learned announcements", metadata: ["error": .string("\(error)")])
                }
            }
        }
        let inbox = UnknownAnnouncementInbox(database: app.db, dataDirectory: app.waihuSettings.dataDirectory)
        let purger = Task {
            while !Task.isCancelled {
                do {
                    let purged = try await inbox.purge(recordedBefore: Date().addingTimeInterval(-UnknownAnnouncementInbox.retention))
                    if purged > 0 { logger.info("unknown-announcement audio purged", metadata: ["calls": .stringConvertible(purged)]) }
                } catch {
                    logger.warning("could not purge old unknown-announcement audio", metadata: ["error": .string("\(error)")])
                }
                try? await Task.sleep(for: purgeInterval)
            }
        }
        return AnnouncementService(loader: loader, poller: poller, purger: purger)
    }

    public func stop() async {
        poller.cancel()
        purger.cancel()
        await poller.value
        await purger.value
    }
}

extension Application {
    private struct AnnouncementServiceKey: StorageKey {
        typealias Value = AnnouncementService
    }

    /// The announcement upkeep; nil when SIP is off (no engine to feed) and in commands.
    public var announcements: AnnouncementService? {
        get { storage[AnnouncementServiceKey.self] }
        set { storage[AnnouncementServiceKey.self] = newValue }
    }
}
