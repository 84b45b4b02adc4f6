import Foundation
import NIOConcurrencyHelpers

/// The sessions this process looked up in the last few seconds.
///
/// Every API request names its session; finding it cost two queries (the token, then its
/// user) — a fifth of a lead page's time, and a share of the database's connections at the
/// start of a shift. A session found here is served from memory for `lifetime`. Logging out,
/// disabling a user or changing one (role, team, password) through this process forgets it
/// at once; a change made by another process or node is seen within `lifetime`.
///
/// Entries are values copied out of the records, and each request gets fresh records made
/// from them, so no two requests share a mutable model.
final class SessionCache: Sendable {
    static let shared = SessionCache()
    static let lifetime: TimeInterval = 5
    static let maxEntries = 20_000

    struct Entry: Sendable {
        var sessionID: UUID
        var userID: UUID
        var expiresAt: Date
        var address: String
        var username: String
        var displayName: String
        var roleName: String
        var teamID: UUID?
        var passwordHash: String
        var disabled: Bool
        var userCreatedAt: Date?
        var userUpdatedAt: Date?
        var cachedAt: Date
    }

    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    /// The live session of a token hash, if looked up less than `lifetime` ago.
    func lookup(tokenHash: String, now: Date = Date()) -> (SessionTokenRecord, UserRecord)? {
        guard let entry = entries.withLockedValue({ $0[tokenHash] }),
              now.timeIntervalSince(entry.cachedAt) < Self.lifetime, entry.expiresAt > now else { return nil }
        let user = UserRecord()
        user.id = entry.userID
        user.$id.exists = true
        user.username = entry.username
        user.displayName = entry.displayName
        user.roleName = entry.roleName
        user.$team.id = entry.teamID
        user.passwordHash = entry.passwordHash
        user.disabled = entry.disabled
        user.createdAt = entry.userCreatedAt
        user.updatedAt = entry.userUpdatedAt
        let session = SessionTokenRecord()
        session.id = entry.sessionID
        session.$id.exists = true
        session.tokenHash = tokenHash
        session.$user.id = entry.userID
        session.$user.value = user
        session.expiresAt = entry.expiresAt
        session.revokedAt = nil
        session.address = entry.address
        return (session, user)
    }

    func store(_ session: SessionTokenRecord, user: UserRecord, now: Date = Date()) {
        guard let sessionID = session.id, let userID = user.id else { return }
        let entry = Entry(sessionID: sessionID, userID: userID, expiresAt: session.expiresAt, address: session.address,
                          username: user.username, displayName: user.displayName, roleName: user.roleName,
                          teamID: user.$team.id, passwordHash: user.passwordHash, disabled: user.disabled,
                          userCreatedAt: user.createdAt, userUpdatedAt: user.updatedAt, cachedAt: now)
        entries.withLockedValue { entries in
            if entries.count >= Self.maxEntries {
                entries = entries.filter { now.timeIntervalSince($0.value.cachedAt) < Self.lifetime }
            }
            entries[session.tokenHash] = entry
        }
    }

    /// A session ended (logout).
    func forget(tokenHash: String) {
        _ = entries.withLockedValue { $0.removeValue(forKey: tokenHash) }
    }

    /// A user changed or was disabled: their sessions are looked up afresh.
    func forget(userID: UUID) {
        entries.withLockedValue { entries in entries = entries.filter { $0.value.userID != userID } }
    }
}
