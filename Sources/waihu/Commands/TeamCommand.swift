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
                let administration = UserAdministration(database: app.db, actor: .console(), threadPool: app.threadPool)
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
                let users = try await UserRecord.query(on: app.db).all()
                return try await TeamRecord.query(on: app.db).sort(\.$name).all().map { team in
                    let leader = users.first { $0.id == team.leaderID }?.username ?? ""
                    let members = users.filter { $0.$team.id == team.id && !$0.disabled }.count
                    return [team.name, leader, String(members)]
                }
            }
            print(TextTable.render(header: ["TEAM", "LEADER", "MEMBERS"], rows: rows))
        }
    }
}
