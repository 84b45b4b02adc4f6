import ArgumentParser
import Foundation
import WaihuServer

/// `waihu trunk …`: the carrier's SIP trunks 线路. The password is read from standard
/// input and never printed.
struct TrunkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trunk",
        abstract: "Manage SIP trunks 线路: add, list, remove.",
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a SIP trunk.")

        @Argument(help: "A short name, e.g. carrier-a.") var name: String
        @Option(help: "The trunk's signalling IP address.") var host: String
        @Option(help: "The trunk's SIP port.") var port: Int = 5060
        @Option(help: "waihu's account at the trunk (digest username).") var username: String?
        @Flag(name: .customLong("password-stdin"), help: "Read the account's password from standard input.") var passwordStdin = false
        @Option(name: .customLong("caller-id"), help: "Caller ID presented (主叫号码).") var callerID: String = ""
        @Option(name: .customLong("max-concurrent"), help: "Most calls at once through this trunk.") var maxConcurrent: Int = 30
        @Option(name: .customLong("max-cps"), help: "Most new calls per second.") var maxPerSecond: Int = 10
        @Option(name: .customLong("ring-timeout"), help: "Seconds of ringing before CANCEL.") var ringTimeout: Int = 30
        @Flag(help: "Add it switched off.") var disabled = false
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            var password: String?
            if passwordStdin {
                password = readLine(strippingNewline: true)
                if password?.isEmpty != false { throw ValidationError("--password-stdin: standard input held no password") }
            }
            if password != nil && username == nil { throw ValidationError("--password-stdin needs --username") }
            if username != nil && password == nil { throw ValidationError("--username needs the password on standard input (--password-stdin)") }
            let settings = TelephonyAdministration.TrunkSettings(
                host: host, port: port, username: username, password: password, callerID: callerID,
                maxConcurrent: maxConcurrent, maxPerSecond: maxPerSecond, ringTimeout: ringTimeout, enabled: !disabled)
            try await withApplication(storage.settings()) { app in
                do {
                    _ = try await TelephonyAdministration(database: app.db, actor: .console()).createTrunk(name: name, settings)
                } catch { throw userFacing(error) }
            }
            print("trunk \(name) added: \(host):\(port)\(username.map { " as \($0)" } ?? "")")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List trunks (passwords are not shown).")
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let rows: [[String]] = try await withApplication(storage.settings()) { app in
                try await TelephonyAdministration(database: app.db, actor: .console()).trunks().map { trunk in
                    [trunk.name, "\(trunk.host):\(trunk.port)", trunk.username ?? "", trunk.callerID,
                     String(trunk.maxConcurrent), String(trunk.maxPerSecond), "\(trunk.ringTimeout)s", trunk.enabled ? "yes" : "no"]
                }
            }
            print(TextTable.render(header: ["NAME", "ADDRESS", "USERNAME", "CALLER_ID", "MAX_CALLS", "MAX_CPS", "RING", "ENABLED"], rows: rows))
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a trunk.")
        @Argument var name: String
        @OptionGroup var storage: StorageOptions

        func run() async throws {
            try await withApplication(storage.settings()) { app in
                do { try await TelephonyAdministration(database: app.db, actor: .console()).removeTrunk(named: name) } catch {
                    throw userFacing(error)
                }
            }
            print("trunk \(name) removed")
        }
    }
}
