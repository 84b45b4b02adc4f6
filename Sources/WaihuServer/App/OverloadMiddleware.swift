import AsyncKit
import FluentSQLiteDriver
import Vapor

/// Turns "too busy right now" into 503 with `Retry-After`, never 500.
///
/// A request that waited longer than the database pool allows, or that still found SQLite
/// locked after the busy timeout and `WriteRetry`'s attempts, did nothing wrong and changed
/// nothing (its transaction was rolled back): the client may send it again. Sits inside
/// `ErrorMiddleware`, which renders the `Abort`.
struct OverloadMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as ConnectionPoolTimeoutError {
            request.logger.warning("database pool busy: answered 503", metadata: ["error": "\(error)"])
            WaihuMetrics.overloaded(reason: "database_pool")
            throw Self.busy(retryAfter: 2)
        } catch let error as SQLiteError where WriteRetry.isContention(error) {
            request.logger.warning("SQLite busy: answered 503", metadata: ["error": "\(error)"])
            WaihuMetrics.overloaded(reason: "sqlite_busy")
            throw Self.busy(retryAfter: 1)
        } catch let error as PasswordHashingBusy {
            WaihuMetrics.overloaded(reason: "password_hashing")
            throw error
        }
    }

    static func busy(retryAfter seconds: Int) -> Abort {
        Abort(.serviceUnavailable, headers: ["Retry-After": String(seconds)],
              reason: "The server is busy; try again in \(seconds) s.")
    }
}
