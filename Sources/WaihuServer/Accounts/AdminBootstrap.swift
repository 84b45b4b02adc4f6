import Fluent
import Vapor
import WaihuDomain

/// The first administrator: on first start with no users, waihu creates `admin` with
/// WAIHU_ADMIN_PASSWORD or a random password that is printed once.
public enum AdminBootstrap {
    public struct Created: Sendable {
        public var username: String
        public var password: String
        public var generated: Bool
    }

    public static func ensureAdministrator(on database: Database, passwords: PasswordHashing, environmentPassword: String?) async throws -> Created? {
        guard try await UserRecord.query(on: database).count() == 0 else { return nil }
        let generated = environmentPassword?.isEmpty ?? true
        let password = generated ? randomPassword() : environmentPassword!
        let administration = UserAdministration(database: database, actor: .system(), passwords: passwords)
        _ = try await administration.createUser(.init(username: "admin", displayName: "系统管理员", role: .admin, password: password))
        try await AuditLog.record(.adminBootstrap, by: .system(), target: "admin",
                                  detail: generated ? "random password printed on the console" : "password from WAIHU_ADMIN_PASSWORD", on: database)
        return Created(username: "admin", password: password, generated: generated)
    }

    /// 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I).
    public static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
