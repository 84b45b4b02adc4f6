import ArgumentParser
import Fluent
import Foundation
import WaihuServer

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read the audit log 审计日志.",
        subcommands: [Tail.self]
    )

    struct Tail: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the newest audit entries, oldest first.")
        @Option(name: [.customShort("n"), .customLong("count")], help: "How many entries.") var count: Int = 20
        @Option(help: "Only this action, e.g. login_failed or list_export.") var action: String?
        @OptionGroup var storage: StorageOptions

        func validate() throws {
            guard count > 0 else { throw ValidationError("--count must be positive") }
        }

        func run() async throws {
            let entries = try await withApplication(storage.settings()) { app in
                var query = AuditEntryRecord.query(on: app.db)
                if let action { query = query.filter(\.$action == action) }
                return try await AuditLog.latest(query, limit: count)
            }
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
            for entry in entries.reversed() {
                let detail = entry.detail.isEmpty ? "" : " (\(entry.detail))"
                print("\(formatter.string(from: entry.at)) \(entry.actor)@\(entry.address) \(entry.action) \(entry.target)\(detail)")
            }
        }
    }
}
