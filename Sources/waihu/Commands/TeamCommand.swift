import ArgumentParser
import Fluent
import WaihuServer

struct TeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Manage teams 班组.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a team, optionally with its leader (a supervisor).")
        @Argument var name: String
        @Option(help: "The team leader's username (role supervisor or admin).") var leader: String?
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withApplication(storage.settings()) { app in
                let administration = UserAdministration(database: app.db, actor: .console(), passwords: app.passwordHashing)
                do { _ = try await administration.createTeam(name: name, leaderUsername: leader) } catch { throw userFacing(error) }
            }
            print("team \(name) added\(leader.map { " with leader \($0)" } ?? "")")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List teams with leader and members.")
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let rows: [[String]] = try await withApplication(storage.settings()) { app in
                try await UserAdministration(database: app.db, actor: .console(), passwords: app.passwordHashing).teams().map { entry in
                    [entry.team.name, entry.leader ?? "", String(entry.members)]
                }
            }
            print(TextTable.render(header: ["TEAM", "LEADER", "MEMBERS"], rows: rows))
        }
    }
}
