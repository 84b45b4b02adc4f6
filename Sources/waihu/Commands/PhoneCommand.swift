import ArgumentParser
import Foundation
import WaihuServer

/// `waihu phone …`: agent phones 分机 that register to `waihu serve`.
struct PhoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phone",
        abstract: "Manage agent phones 分机: add, list (who is registered from where), remove.",
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a phone. Without --password-stdin a random SIP password is printed, once.")

        @Argument(help: "The extension the phone registers as, e.g. 8001.") var phoneExtension: String
        @Flag(name: .customLong("password-stdin"), help: "Read the SIP password from standard input.") var passwordStdin = false
        @Option(help: "The agent's username who sits at this phone.") var agent: String?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let password: String
            if passwordStdin {
                password = readLine(strippingNewline: true) ?? ""
            } else {
                password = TelephonyAdministration.randomPhonePassword()
            }
            try await withApplication(storage.settings()) { app in
                do {
                    _ = try await TelephonyAdministration(database: app.db, actor: .console())
                        .createPhone(extension: phoneExtension, password: password, agent: agent)
                } catch { throw userFacing(error) }
            }
            print("phone \(phoneExtension) added\(agent.map { " for \($0)" } ?? "")")
            if !passwordStdin { print("password: \(password)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List phones with their agent and registration.")
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let now = Date()
            let rows: [[String]] = try await withApplication(storage.settings()) { app in
                try await TelephonyAdministration(database: app.db, actor: .console()).phones().map { entry in
                    let phone = entry.phone
                    guard phone.isRegistered(at: now), let expiresAt = phone.expiresAt else {
                        return [phone.phoneExtension, entry.agent ?? "", "no", "", "", ""]
                    }
                    return [phone.phoneExtension, entry.agent ?? "", "yes", phone.source ?? "",
                            ISO8601DateFormatter().string(from: expiresAt), phone.userAgent ?? ""]
                }
            }
            print(TextTable.render(header: ["EXTENSION", "AGENT", "REGISTERED", "FROM", "UNTIL", "USER_AGENT"], rows: rows))
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a phone.")
        @Argument(help: "The extension.") var phoneExtension: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withApplication(storage.settings()) { app in
                do { try await TelephonyAdministration(database: app.db, actor: .console()).removePhone(phoneExtension) } catch {
                    throw userFacing(error)
                }
            }
            print("phone \(phoneExtension) removed")
        }
    }
}
