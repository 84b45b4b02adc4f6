import ArgumentParser
import Fluent
import Foundation
import WaihuDomain
import WaihuServer

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage users 用户: add, list, disable.",
        subcommands: [Add.self, List.self, Disable.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user. Without --password-stdin a random password is printed.")

        @Argument(help: "Login name.") var username: String
        @Option(help: "admin, supervisor, agent, qa, list_manager or branch.") var role: String
        @Option(help: "Team 班组 name (create it with `waihu team add`).") var team: String?
        @Option(name: .customLong("display-name"), help: "Name shown in the UI.") var displayName: String = ""
        @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input.") var passwordStdin = false
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let role: Role
            do { role = try AdministrationError.checking { try AccountRules.role(named: self.role) } } catch { throw userFacing(error) }
            let password: String
            let generated: Bool
            if passwordStdin {
                password = (readLine(strippingNewline: true) ?? "")
                generated = false
            } else {
                password = AdminBootstrap.randomPassword()
                generated = true
            }
            try await withApplication(storage.settings()) { app in
                let administration = UserAdministration(database: app.db, actor: .console(), passwords: app.passwordHashing)
                do {
                    _ = try await administration.createUser(.init(username: username, displayName: displayName, role: role, teamName: team, password: password))
                } catch { throw userFacing(error) }
            }
            print("user \(username) added as \(role.rawValue)\(team.map { " in team \($0)" } ?? "")")
            if generated { print("password: \(password)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users with role, team and status.")
        @Flag(help: "Print JSON instead of a table.") var json = false
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let rows: [[String]] = try await withApplication(storage.settings()) { app in
                try await UserAdministration(database: app.db, actor: .console(), passwords: app.passwordHashing).users().map { entry in
                    let user = entry.user
                    return [user.username, user.roleName, entry.teamName ?? "", user.disabled ? "disabled" : "active", user.displayName]
                }
            }
            if json {
                let objects = rows.map { ["username": $0[0], "role": $0[1], "team": $0[2], "status": $0[3], "display_name": $0[4]] }
                let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else {
                print(TextTable.render(header: ["USERNAME", "ROLE", "TEAM", "STATUS", "NAME"], rows: rows))
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user: they can no longer log in and their sessions end.")
        @Argument var username: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withApplication(storage.settings()) { app in
                let administration = UserAdministration(database: app.db, actor: .console(), passwords: app.passwordHashing)
                do {
                    let user = try await administration.user(named: username)
                    _ = try await administration.changeUser(user, .init(disabled: true))
                } catch { throw userFacing(error) }
            }
            print("user \(username) disabled")
        }
    }
}
