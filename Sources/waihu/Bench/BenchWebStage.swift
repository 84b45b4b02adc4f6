import Foundation
import WaihuDomain
import WaihuServer

/// The call center of `waihu bench web`, in a temporary folder: what a center has before its
/// shift (an administrator, the agents' team, a trunk, a lead list) written with the same code
/// the CLI uses, then `waihu serve` as a child process on loopback. Everything the bench
/// measures afterwards goes through the HTTP API.
final class BenchWebStage: @unchecked Sendable {
    static let admin = "benchadmin"
    static let adminPassword = "bench-admin-pass-1"
    static let team = "压测坐席组"
    static let batch = "压测名单"
    static let trunk = "loopback"

    let folder: String
    /// nil: SQLite in the data folder.
    let databaseURL: String?
    let httpPort = BenchServe.freePort()
    private(set) var serve: BenchServe?

    init(folder: String, databaseURL: String?) {
        self.folder = folder
        self.databaseURL = databaseURL
    }

    var storage: [String] { ["--data-dir", folder + "/data"] + (databaseURL.map { ["--database", $0] } ?? []) }
    var baseURL: String { "http://127.0.0.1:\(httpPort)" }
    var servePID: Int32 { serve?.process.processIdentifier ?? 0 }
    var databaseName: String { databaseURL == nil ? "SQLite" : "PostgreSQL" }

    /// The agents' usernames and passwords (`agent001` …), and the wallboards' supervisors (`wall01` …).
    static func agent(_ index: Int, of count: Int) -> (username: String, password: String) {
        (String(format: count > 999 ? "agent%05d" : "agent%03d", index), "agent-pass-\(index)")
    }

    static func supervisor(_ index: Int) -> (username: String, password: String) {
        (String(format: "wall%03d", index), "wall-pass-\(index)")
    }

    /// Before serve starts: the administrator, the team, a trunk to a loopback port nobody
    /// answers (nothing is dialled: no agent is ready) and `leads` leads assigned to the team.
    func setUp(leads: Int) async throws {
        var settings = ServerSettings()
        settings.dataDirectory = folder + "/data"
        if let databaseURL { settings.database = try DatabaseLocation(parsing: databaseURL) }
        let file = folder + "/leads.csv"
        try Data(BenchCustomers.csv(BenchCustomers.leads(count: leads, answerRate: 0.25, seed: 27)).utf8)
            .write(to: URL(fileURLWithPath: file))
        let trunkPort = BenchServe.freePort(udp: true)
        try await WaihuRunner.withApplication(settings) { app in
            let users = UserAdministration(database: app.db, actor: .console(), passwords: app.passwordHashing)
            let team = try await users.createTeam(name: Self.team, leaderUsername: nil)
            _ = try await users.createUser(.init(username: Self.admin, role: .admin, password: Self.adminPassword))
            _ = try await TelephonyAdministration(database: app.db, actor: .console()).createTrunk(name: Self.trunk, .init(
                host: "127.0.0.1", port: trunkPort, username: nil, password: nil, callerID: "02161234567",
                maxConcurrent: 10, maxPerSecond: 1, ringTimeout: 20, enabled: true))
            let result = try await LeadImporter(database: app.db, actor: .console()).run(.init(
                file: URL(fileURLWithPath: file), batchName: Self.batch, sourceName: "压测来源", costPerLead: 0.5,
                options: LeadFileOptions(asOf: CalendarDay.today()), teamIDs: [try team.requireID()], rejectListLimit: 5))
            guard result.report.imported == leads else {
                throw BenchWebError.setUp("\(result.report.imported) of \(leads) leads imported: \(result.report.rejects)")
            }
        }
    }

    func startServe(rtpPorts: String) async throws {
        serve = try await BenchServe.start(storage: storage, httpPort: httpPort, rtpPorts: rtpPorts, log: folder + "/serve.log")
    }

    /// The end of serve's log, for an error message.
    var serveLogTail: String {
        String(((try? String(contentsOfFile: folder + "/serve.log", encoding: .utf8)) ?? "").suffix(2000))
    }

    func stop() { serve?.stop() }
}
