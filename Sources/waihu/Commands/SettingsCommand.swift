import ArgumentParser
import Foundation
import WaihuServer

/// `waihu settings …`: the center's settings 系统设置 (what stays off until an admin allows
/// it). A change is audited under the console's operator, as on the page under the admin.
struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "System settings 系统设置: list them, or set one (audited).",
        subcommands: [List.self, Set.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every setting with its value, default and last change.")
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let lines = try await withApplication(storage.settings()) { app in try await SystemSettings(database: app.db).all() }
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
            print(TextTable.render(header: ["SETTING", "VALUE", "DEFAULT", "CHANGED", "NAME"], rows: lines.map { line in
                [line.key, String(line.value), String(line.default),
                 line.changed_at.map { "\(formatter.string(from: $0)) \(line.changed_by ?? "")" } ?? "—", line.zh]
            }))
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a setting: waihu settings set cleanse_enabled true.",
            discussion: SystemSetting.allCases.map { "\($0.rawValue) (\($0.chineseName), default \($0.defaultValue)): \($0.explanation)" }
                .joined(separator: "\n"))
        @Argument(help: "The setting, e.g. cleanse_enabled.") var key: String
        @Argument(help: "true or false (on/off, yes/no, 1/0).") var value: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let line = try await withApplication(storage.settings()) { app in
                do {
                    return try await SystemSettings(database: app.db).set(key, to: value, by: .console())
                } catch let error as SystemSettingError {
                    throw ValidationError(error.description)
                }
            }
            print("\(line.key) = \(line.value)")
        }
    }
}
