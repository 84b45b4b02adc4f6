import Fluent
import Foundation
import WaihuDomain
import WaihuServer

/// The call center of `waihu bench campaign`, all on loopback in a temporary folder: the
/// accounts, phones, trunk and leads written with the same administration code the CLI uses,
/// then `waihu serve`, the SIPp customers behind the trunk and one baresip phone per agent.
final class BenchCampaignStage: @unchecked Sendable {
    struct AgentAccount: Sendable {
        var username: String
        var password: String
        var phoneExtension: String
        var phonePassword: String
    }

    static let admin = "benchadmin"
    static let adminPassword = "bench-admin-pass-1"
    static let team = "压测组"
    static let batch = "压测名单"
    /// The warm-up campaign's list (`--warm`): another batch of the same source, so the measured
    /// campaign dials fresh leads and finds the warm-up's calls as its source's history.
    static let warmUpBatch = "压测名单·预热"
    static let trunk = "customers"

    let folder: String
    let agentAccounts: [AgentAccount]
    let httpPort = BenchServe.freePort()
    let customerPort = BenchServe.freePort(udp: true)
    private var serve: BenchServe?
    private var customers: Process?
    private var phones: BenchAgentPhones

    var storage: [String] { ["--data-dir", folder + "/data"] }
    var servePID: Int32 { serve?.process.processIdentifier ?? 0 }

    init(folder: String, agents: Int, seed: UInt64) {
        self.folder = folder
        agentAccounts = (1...agents).map { index in
            AgentAccount(username: String(format: "agent%02d", index), password: "agent-pass-\(index)-\(seed)",
                         phoneExtension: String(8000 + index), phonePassword: "phone-\(8000 + index)-secret")
        }
        phones = BenchAgentPhones(directory: folder + "/phones")
    }

    func setUp(leads: [BenchCustomers.Lead], warmUpLeads: [BenchCustomers.Lead] = []) async throws {
        var settings = ServerSettings()
        settings.dataDirectory = folder + "/data"
        let file = folder + "/leads.csv"
        try Data(BenchCustomers.csv(leads).utf8).write(to: URL(fileURLWithPath: file))
        let warmUpFile = folder + "/warm-up-leads.csv"
        if !warmUpLeads.isEmpty { try Data(BenchCustomers.csv(warmUpLeads).utf8).write(to: URL(fileURLWithPath: warmUpFile)) }
        try await WaihuRunner.withApplication(settings) { app in
            let users = UserAdministration(database: app.db, actor: .console(), passwords: app.passwordHashing)
            let team = try await users.createTeam(name: Self.team, leaderUsername: nil)
            _ = try await users.createUser(.init(username: Self.admin, role: .admin, password: Self.adminPassword))
            let telephony = TelephonyAdministration(database: app.db, actor: .console())
            for agent in agentAccounts {
                _ = try await users.createUser(.init(username: agent.username, role: .agent, teamName: Self.team, password: agent.password))
                _ = try await telephony.createPhone(extension: agent.phoneExtension, password: agent.phonePassword, agent: agent.username)
            }
            _ = try await telephony.createTrunk(name: Self.trunk, .init(
                host: "127.0.0.1", port: customerPort, username: nil, password: nil, callerID: "02161234567",
                maxConcurrent: 400, maxPerSecond: 50, ringTimeout: 20, enabled: true))
            let result = try await LeadImporter(database: app.db, actor: .console()).run(.init(
                file: URL(fileURLWithPath: file), batchName: Self.batch, sourceName: "压测来源", costPerLead: 0.5,
                options: LeadFileOptions(asOf: CalendarDay.today()), teamIDs: [try team.requireID()], rejectListLimit: 5))
            guard result.report.imported == leads.count else {
                throw BenchCampaignError.campaign("\(result.report.imported) of \(leads.count) leads imported: \(result.report.rejects)")
            }
            if !warmUpLeads.isEmpty {
                let warmUp = try await LeadImporter(database: app.db, actor: .console()).run(.init(
                    file: URL(fileURLWithPath: warmUpFile), batchName: Self.warmUpBatch, sourceName: "压测来源", costPerLead: 0.5,
                    options: LeadFileOptions(asOf: CalendarDay.today()), teamIDs: [try team.requireID()], rejectListLimit: 5))
                guard warmUp.report.imported == warmUpLeads.count else {
                    throw BenchCampaignError.campaign("\(warmUp.report.imported) of \(warmUpLeads.count) warm-up leads imported")
                }
            }
        }
    }

    func startPeers(rtpPorts: String) async throws {
        let scenario = folder + "/customers.xml"
        try BenchCustomers.scenario.write(toFile: scenario, atomically: true, encoding: .utf8)
        customers = try BenchChild.start("/usr/bin/sipp", [
            "-sf", scenario, "-i", "127.0.0.1", "-p", String(customerPort), "-mp", String(customerPort + 2),
            "-m", "10000000", "-nostdin", "-timeout", "86400s",
        ], log: folder + "/customers.log")
        serve = try await BenchServe.start(storage: storage, httpPort: httpPort, rtpPorts: rtpPorts, log: folder + "/serve.log")
        // Below the ephemeral ports (32768–60999): baresip binds its SIP port on TCP too, and an
        // outgoing connection holding the same number would keep that phone from starting.
        try phones.start(agentAccounts.map { ($0.phoneExtension, $0.phonePassword) }, registrar: serve!.sipPort, firstPort: 12000)
    }

    func stop() {
        phones.stop()
        serve?.stop()
        if let customers { BenchChild.stop(customers) }
    }
}
