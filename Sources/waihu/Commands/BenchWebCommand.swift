import ArgumentParser
import Foundation
import WaihuServer

extension BenchCommand {
    /// `waihu bench web`: the start of a shift against a real `waihu serve` on loopback (issue 27,
    /// docs/start-of-shift.md): users created through the API, every agent logging in at once,
    /// desks and wallboards on their event streams, the pushes of a campaign start and stop and
    /// of an event import, and the lead list under load.
    struct Web: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "web",
            abstract: "The start of a shift in waihu serve: user creation, a login burst, 300 push streams, push latency, GET /leads under load."
        )

        @Option(help: "Agents created through the API, then logging in all at once.") var users: Int = 300
        @Option(name: .customLong("create-concurrency"), help: "User-creation requests at a time.") var createConcurrency: Int = 8
        @Option(help: "Agents' desk streams (/api/v1/desk/stream) held open.") var desks: Int = 250
        @Option(help: "Wallboards' live streams (/api/v1/live/stream), one supervisor each.") var wallboards: Int = 50
        @Option(help: "Leads in the list (imported before serve starts).") var leads: Int = 10_000
        @Option(help: "Concurrent connections of GET /api/v1/leads, comma-separated.") var connections: String = "10,50,200"
        @Option(help: "Seconds of GET /api/v1/leads at each connection count.") var seconds: Double = 10
        @Option(name: .customLong("quiet-seconds"), help: "Seconds with nothing changing, counting what the streams receive (0: skip).") var quietSeconds: Double = 30
        @Option(name: .customLong("database-url"), help: "postgres://USER:PASS@HOST/DB of an empty database (default: SQLite in the temporary folder).") var databaseURL: String?
        @Option(name: .customLong("rtp-ports"), help: "RTP port range of waihu serve, FIRST-LAST (nothing is dialled).") var rtpPorts: String = "32000-32999"
        @Flag(help: "Keep the temporary data folder (database, serve's log) and print its path.") var keep = false
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard (1...5000).contains(users) else { throw ValidationError("--users must be 1 to 5000") }
            guard (1...users).contains(desks) else { throw ValidationError("--desks must be 1 to --users (\(users))") }
            guard (1...500).contains(wallboards) else { throw ValidationError("--wallboards must be 1 to 500") }
            guard (1...64).contains(createConcurrency) else { throw ValidationError("--create-concurrency must be 1 to 64") }
            guard (1...99_999).contains(leads) else { throw ValidationError("--leads must be 1 to 99999") }
            guard !connectionCounts.isEmpty, connectionCounts.allSatisfy({ (1...2000).contains($0) }) else {
                throw ValidationError("--connections needs comma-separated counts, 1 to 2000")
            }
            guard seconds > 0, quietSeconds >= 0 else { throw ValidationError("--seconds must be positive and --quiet-seconds not negative") }
            if let databaseURL { _ = try StorageOptions.parse(["--database", databaseURL]).settings() }
            _ = try PortRangeOption(rtpPorts, option: "--rtp-ports")
        }

        private var connectionCounts: [Int] {
            connections.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }

        func run() async throws {
            let folder = NSTemporaryDirectory() + "waihu-bench-web-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer {
                if keep { log("data and serve's log kept in \(folder)") } else { try? FileManager.default.removeItem(atPath: folder) }
            }
            let stage = BenchWebStage(folder: folder, databaseURL: databaseURL)
            defer { stage.stop() }
            do {
                log("setting up: the administrator, team \(BenchWebStage.team), \(leads) leads (\(stage.databaseName))")
                try await stage.setUp(leads: leads)
                try await stage.startServe(rtpPorts: rtpPorts)
                let report = try await measure(stage)
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    print(String(decoding: try encoder.encode(report), as: UTF8.self))
                } else {
                    print(report.text)
                }
                if !report.missedAims.isEmpty { throw ExitCode(1) }
            } catch let error as BenchWebError {
                throw ValidationError(error.description + "\nwaihu serve's log ends:\n" + stage.serveLogTail)
            } catch let error as BenchCampaignError {
                throw ValidationError(error.description)
            } catch let error as AdministrationError {
                throw userFacing(error)
            }
        }

        private func measure(_ stage: BenchWebStage) async throws -> BenchWebReport {
            let log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data(("[bench web] " + line + "\n").utf8)) }
            let pid = stage.servePID
            let before = ChildProcessUsage.read(pid: pid)
            return try await BenchWebHTTP.with(connections: 4, baseURL: stage.baseURL) { admin in
                let adminLogin = await BenchWebAccounts.login(admin, (BenchWebStage.admin, BenchWebStage.adminPassword))
                guard adminLogin.ok, let adminToken = adminLogin.json?["token"] as? String else {
                    throw BenchWebError.step("the administrator cannot log in: \(adminLogin.problem)")
                }
                let accounts = BenchWebAccounts(baseURL: stage.baseURL, adminToken: adminToken, log: log)

                log("1. creating \(users) agents, \(createConcurrency) at a time")
                let creation = try await accounts.createAgents(count: users, concurrency: createConcurrency)
                log("   \(creation.outcomes.successes) created, errors: \(creation.outcomes.errorText), \(creation.timing.text)")
                try await accounts.createSupervisors(count: wallboards)

                log("2. \(users) agents log in at once")
                let agents = (1...users).map { BenchWebStage.agent($0, of: users) }
                let (burst, agentTokens) = try await accounts.loginBurst(agents)
                log("   \(burst.outcomes.successes) logged in, errors: \(burst.outcomes.errorText), \(burst.timing.text)")
                let (_, wallTokens) = try await BenchWebAccounts(baseURL: stage.baseURL, adminToken: adminToken, log: { _ in })
                    .loginBurst((1...wallboards).map(BenchWebStage.supervisor))

                return try await BenchWebHTTP.with(connections: desks + wallboards, baseURL: stage.baseURL) { streamsHTTP in
                    log("3. opening \(desks) desk streams and \(wallboards) live streams")
                    let (deskStreams, liveStreams, streams) = await BenchWebPushes.open(
                        streams: streamsHTTP, desks: Array(agentTokens.prefix(desks)), wallboards: wallTokens)
                    defer { (deskStreams + liveStreams).forEach { $0.stop() } }
                    log("   \(streams.withFirstEvent) have their first event, \(streams.firstEvent.text)")

                    let pushes = BenchWebPushes(http: admin, adminToken: adminToken, log: { log("   " + $0) })
                    log("4. a campaign for the team starts and stops")
                    let (start, stop) = try await pushes.campaignStartAndStop(desks: deskStreams)
                    log("5. an event import")
                    let imported = try await pushes.eventImport(wallboards: liveStreams, agents: agents.map(\.username))

                    var quiet: BenchWebReport.Quiet?
                    if quietSeconds > 0 {
                        log("7. \(Int(quietSeconds)) s with nothing changing")
                        quiet = try await BenchWebPushes.quiet(desks: deskStreams, wallboards: liveStreams, seconds: quietSeconds)
                    }
                    var loads: [BenchWebReport.LeadsLoad] = []
                    for count in connectionCounts {
                        log("6. GET \(BenchWebLeadsLoad.path) for \(Int(seconds)) s at \(count) connections")
                        let load = try await BenchWebLeadsLoad.run(baseURL: stage.baseURL, token: adminToken, connections: count, seconds: seconds)
                        log(String(format: "   %.0f requests/s, ", load.perSecond) + load.timing.text + ", errors: \(load.outcomes.errorText)")
                        loads.append(load)
                    }
                    let after = ChildProcessUsage.read(pid: pid)
                    return BenchWebReport(
                        database: stage.databaseName, leads: leads, creation: creation, loginBurst: burst, streams: streams,
                        campaignStart: start, campaignStop: stop, eventImport: imported, quiet: quiet, leadsLoad: loads,
                        serveCPUPercent: before.flatMap { before in after.map { $0.cpuPercent(since: before) } },
                        servePeakResidentMiB: after.map { Double($0.peakResidentKiB) / 1024 }, loadAverage: ChildProcessUsage.loadAverage())
                }
            }
        }

        private func log(_ line: String) {
            FileHandle.standardError.write(Data(("[bench web] " + line + "\n").utf8))
        }
    }
}
